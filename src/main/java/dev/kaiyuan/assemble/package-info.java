/** Site-wide assembly: slugs, collisions, ordering and collections, producing the {@link dev.kaiyuan.model.SiteModel}. */
@NullMarked
package dev.kaiyuan.assemble;

import org.jspecify.annotations.NullMarked;
