/** Writing the finished site: all at once, or not at all. */
@NullMarked
package dev.kaiyuan.output;

import org.jspecify.annotations.NullMarked;
