package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small rules of raw-text cleaning, one by one. */
class TextCleaningTest {

    @Nested
    class Punctuation {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "辦公室,合伙人|辦公室，合伙人",
            "概率有80%”,他補充道|概率有80%”，他補充道",
            "gpt-oss-20b,免費開放|gpt-oss-20b，免費開放",
            "特別聲明:以上內容|特別聲明：以上內容",
            "最優質的模型;而美國|最優質的模型；而美國",
            "真的嗎?我不信!|真的嗎？我不信！",
            "Notice: The content above|Notice: The content above",
            "at 10:30, in London|at 10:30, in London",
            "網址:https://example.com/a?b=1|網址：https://example.com/a?b=1",
        })
        void asciiMarksInsideChineseBecomeFullWidth(String in, String out) {
            assertThat(PunctuationFixer.fix(in)).isEqualTo(out);
        }
    }

    @Nested
    class Damage {
        @Test
        void seedMojibakeIsOneSpotWithItsDebris() {
            String line = "美國學者伊?!つ锟耍‥than Mollick)唏噓不已。";
            List<DamageDetector.Span> spans = DamageDetector.find(line);
            assertThat(spans).singleElement().satisfies(s ->
                    assertThat(line.substring(s.start(), s.end())).isEqualTo("?!つ锟耍‥"));
        }

        @Test
        void lostCharactersAndTagFragmentMergeAndTheFragmentIsMarkedForRemoval() {
            String line = "已經落後了?!?/p>";
            assertThat(DamageDetector.find(line)).singleElement().satisfies(s -> {
                assertThat(line.substring(s.start(), s.end())).isEqualTo("?!?/p>");
                assertThat(s.tagFragments()).hasSize(1);
                assertThat(line.substring(s.tagFragments().get(0)[0], s.tagFragments().get(0)[1])).isEqualTo("/p>");
            });
        }

        @Test
        void replacementCharactersAndTheKunJinKaoFamilyAreFound() {
            assertThat(DamageDetector.find("模型\uFFFD\uFFFD發布")).hasSize(1);
            assertThat(DamageDetector.find("锟斤拷锟斤拷的模型")).singleElement()
                    .satisfies(s -> assertThat(s.kind()).isEqualTo("mojibake"));
            assertThat(DamageDetector.find("段落<br>下一段")).singleElement()
                    .satisfies(s -> assertThat(s.kind()).isEqualTo("stray markup"));
        }

        @Test
        void englishPunctuationAndOrdinaryTextAreNotDamage() {
            assertThat(DamageDetector.find("What?! Really?? Yes.")).isEmpty();
            assertThat(DamageDetector.find("OpenAI很快在8月推出了兩款開放權重模型gpt-oss-120b")).isEmpty();
            assertThat(DamageDetector.find("a < b and c > d")).isEmpty();
        }
    }

    @Nested
    class Bylines {
        @ParameterizedTest
        @CsvSource(delimiter = '|', nullValues = "-", value = {
            "【文/觀察者網 阮佳琪】|觀察者網|阮佳琪",
            "文/阮佳琪|-|阮佳琪",
            "作者：張三|-|張三",
            "来源：新华社|新华社|-",
            "來源: 觀察者網|觀察者網|-",
            "2025-08-21 10:33:12 來源: 觀察者網|觀察者網|-",
            "新华社记者 王小明|新华社|王小明",
            "來源：澎湃新聞 作者：李四 責編：王五|澎湃新聞|李四",
        })
        void usualVariants(String line, String source, String author) {
            Byline b = Byline.parse(line).orElseThrow();
            assertThat(b.source().orElse(null)).isEqualTo(source);
            assertThat(b.author().orElse(null)).isEqualTo(author);
        }

        @Test
        void proseIsNotAByline() {
            assertThat(Byline.parse("“我會說，(他們)使用中國開源模型的概率有80%”，他補充道。")).isEmpty();
            assertThat(Byline.parse("來源於此的理念影響深遠，記者們紛紛報道了這一消息並展開了長篇的分析與評論")).isEmpty();
        }

        @Test
        void datelineDateIsRead() {
            assertThat(Byline.parse("2025年8月21日 來源：觀察者網").orElseThrow().dateText()).contains("2025年8月21日");
            assertThat(DateText.parse("2025年8月21日")).contains(java.time.LocalDate.of(2025, 8, 21));
            assertThat(DateText.parse("2025-02-30")).isEmpty();
        }
    }

    @Nested
    class BoilerplateLines {
        private final Boilerplate boilerplate = new Boilerplate(new ScriptFolding());

        @Test
        void rightsInEitherScript() {
            assertThat(boilerplate.classify("本文系觀察者網獨家稿件，未經授權，不得轉載。")).isEqualTo(Boilerplate.Kind.RIGHTS);
            assertThat(boilerplate.classify("本文系观察者网独家稿件，未经授权，不得转载。")).isEqualTo(Boilerplate.Kind.RIGHTS);
            assertThat(boilerplate.classify("© 2025 Example News. All rights reserved.")).isEqualTo(Boilerplate.Kind.RIGHTS);
        }

        @Test
        void platformDisclaimers() {
            assertThat(boilerplate.classify("特別聲明：以上內容(如有圖片或視頻亦包括在內)為自媒體平臺“網易號”用戶上傳並發布"))
                    .isEqualTo(Boilerplate.Kind.DISCLAIMER);
            assertThat(boilerplate.classify("Notice: The content above (including the pictures and videos if any) is uploaded"))
                    .isEqualTo(Boilerplate.Kind.DISCLAIMER);
            assertThat(boilerplate.classify("他說，這份聲明並不代表公司立場。")).isEqualTo(Boilerplate.Kind.NONE);
        }
    }

    @Nested
    class Captions {
        @Test
        void shortUnpunctuatedLinesAreCaptions() {
            assertThat(RawTextReader.isCaptionShaped("OpenAI首席執行官薩姆·奧爾特曼 資料圖")).isTrue();
            assertThat(RawTextReader.isCaptionShaped("7月14日，伊桑·莫里克在社媒發文")).isTrue();
            assertThat(RawTextReader.isCaptionShaped("更不要說，還有一些“開歷史倒車”的美國公司。")).isFalse();
            assertThat(RawTextReader.isCaptionShaped("“如果他們成功了”")).isFalse();
            assertThat(RawTextReader.isCaptionShaped("這是一個很長的句子，沒有句號，但它顯然是正文的一部分，因為它遠遠超過了圖片說明通常的長度，讀起來像敘述")).isFalse();
        }
    }

    @Nested
    class Lead {
        @Test
        void titleIsTheFirstSentenceOrClause() {
            assertThat(LeadText.title("DeepSeek releases R1. It is open.")).isEqualTo("DeepSeek releases R1");
            assertThat(LeadText.title("走進硅谷著名的大型風險投資公司安德森·霍洛維茨(a16z)的辦公室，合伙人馬丁·卡薩多(Martin Casado)發現，公司投資的初創企業所使用的人工智能模型很可能都來自中國。"))
                    .isEqualTo("走進硅谷著名的大型風險投資公司安德森·霍洛維茨(a16z)的辦公室");
        }

        @Test
        void summaryKeepsWholeSentencesWithinTheLimit() {
            String lead = "第一句話。" + "很長".repeat(100) + "。";
            assertThat(LeadText.summary(lead)).isEqualTo("第一句話。");
            assertThat(LeadText.summary("很長".repeat(100))).endsWith("…").hasSizeLessThanOrEqualTo(LeadText.SUMMARY_MAX);
        }
    }

    @Nested
    class Languages {
        private final LanguageDetector detector = new LanguageDetector();

        @Test
        void tellsTraditionalSimplifiedAndEnglish() {
            assertThat(detector.detect("中國開源模型的表現均優於美國企業推出的同類模型")).isEqualTo("zh-Hant");
            assertThat(detector.detect("中国开源模型的表现均优于美国企业推出的同类模型")).isEqualTo("zh-Hans");
            assertThat(detector.detect("OpenAI released gpt-oss-120b under Apache 2.0, its first open model since GPT-2 (深度求索).")).isEqualTo("en");
        }
    }

    @Test
    void normalizerHandlesBomCrlfNfcAndZeroWidth() {
        assertThat(TextNormalizer.normalize("\uFEFFa\r\nb\rc\u200Bd\u2060e")).isEqualTo("a\nb\ncde");
        assertThat(TextNormalizer.normalize("Cafe\u0301")).isEqualTo("Café");
    }

    @Test
    void readingTimeCountsCjkCharactersAndWordsSeparately() {
        var time = ArticleReader.readingTime("中文字 and three words");
        assertThat(time.cjkCharacters()).isEqualTo(3);
        assertThat(time.latinWords()).isEqualTo(3);
        assertThat(time.minutes()).isEqualTo(1);
    }
}
