/** Writing the finished site file by file as it is made, swapped in whole or not at all. */
@NullMarked
package dev.kaiyuan.output;

import org.jspecify.annotations.NullMarked;
