/** The command line (picocli): {@code kaiyuan build}, {@code kaiyuan check}, {@code kaiyuan new}, {@code kaiyuan serve}; only {@link dev.kaiyuan.cli.Main} exits the JVM. */
@NullMarked
package dev.kaiyuan.cli;

import org.jspecify.annotations.NullMarked;
