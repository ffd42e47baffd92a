/**
 * Immutable records that flow between the pipeline stages, and {@link dev.kaiyuan.model.HanVariants},
 * the reference table of Han character variants that several stages fold text with (a class, as it
 * reads its table from a resource once); imports nothing else of Kaiyuan.
 */
@NullMarked
package dev.kaiyuan.model;

import org.jspecify.annotations.NullMarked;
