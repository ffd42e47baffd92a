/** Writing the finished site file by file as it is made; the current site is untouched until the commit. */
@NullMarked
package dev.kaiyuan.output;

import org.jspecify.annotations.NullMarked;
