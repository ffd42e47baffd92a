/** Immutable records that flow between the pipeline stages; imports nothing else of Kaiyuan. */
@NullMarked
package dev.kaiyuan.model;

import org.jspecify.annotations.NullMarked;
