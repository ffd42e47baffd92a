/** Located build problems (errors and warnings) and the sink that collects them. */
@NullMarked
package dev.kaiyuan.diag;

import org.jspecify.annotations.NullMarked;
