/** The build: project files in, stages in order, the finished site and its diagnostics out. */
@NullMarked
package dev.kaiyuan.build;

import org.jspecify.annotations.NullMarked;
