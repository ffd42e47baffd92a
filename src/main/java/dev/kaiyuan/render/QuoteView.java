package dev.kaiyuan.render;

/** A key quote and its speaker, linked to the speaker's page. */
public record QuoteView(String text, String speaker, String speakerUrl) {
}
