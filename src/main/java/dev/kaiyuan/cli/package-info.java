/** The command line (picocli): {@code kaiyuan build}, {@code kaiyuan check}, {@code kaiyuan new}; only {@link dev.kaiyuan.cli.Main} exits the JVM. */
@NullMarked
package dev.kaiyuan.cli;

import org.jspecify.annotations.NullMarked;
