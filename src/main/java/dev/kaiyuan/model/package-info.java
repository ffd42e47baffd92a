/**
 * Immutable records that flow between the pipeline stages, and two classes the stages share:
 * {@link dev.kaiyuan.model.HanVariants}, the reference table of Han character variants that several
 * stages fold text with (it reads its table from a resource once), and
 * {@link dev.kaiyuan.model.EveryCore}, which spreads a stage's items over every core; imports nothing
 * else of Kaiyuan.
 */
@NullMarked
package dev.kaiyuan.model;

import org.jspecify.annotations.NullMarked;
