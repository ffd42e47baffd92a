/**
 * Immutable values that flow between the pipeline stages, records but for
 * {@link dev.kaiyuan.model.OutputFile} (which may take over the bytes it is given), and the few
 * classes the stages share: {@link dev.kaiyuan.model.HanVariants}, the reference table of Han
 * character variants that several stages fold text with (it reads its table from a resource once),
 * {@link dev.kaiyuan.model.EveryCore}, which spreads a stage's items over every core, and
 * {@link dev.kaiyuan.model.HtmlEscapes}, the escapes of the markup that reading and post-processing
 * both write; imports nothing else of Kaiyuan.
 */
@NullMarked
package dev.kaiyuan.model;

import org.jspecify.annotations.NullMarked;
