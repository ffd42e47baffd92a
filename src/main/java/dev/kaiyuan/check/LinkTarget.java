package dev.kaiyuan.check;

/** Where a URL found in a site file leads: elsewhere, to a file of the site, or nowhere valid. */
sealed interface LinkTarget {
    /** Another site, or a scheme the site does not serve ({@code mailto:}, {@code tel:}, …): not checked. */
    record External() implements LinkTarget {
    }

    /**
     * A file of the site.
     *
     * @param file      site path with forward slashes, percent-decoded, without query or fragment; a
     *                  folder named with a final {@code /} is already its {@code index.html}
     * @param fragment  the {@code #fragment} as written (empty when none)
     */
    record Internal(String file, String fragment) implements LinkTarget {
    }

    /** A link no visitor can follow, with the reason. */
    record Invalid(String reason) implements LinkTarget {
    }
}
