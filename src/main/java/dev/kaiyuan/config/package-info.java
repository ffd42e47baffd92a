/** Site configuration ({@code kaiyuan.yaml}) read into a validated {@link dev.kaiyuan.config.SiteConfig}. */
@NullMarked
package dev.kaiyuan.config;

import org.jspecify.annotations.NullMarked;
