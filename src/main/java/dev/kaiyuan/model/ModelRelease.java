package dev.kaiyuan.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model release, or a model family ({@code family} equal to its own id and no date), with the
 * facts a digest reader wants.
 *
 * @param family        id of the family this release belongs to (e.g. {@code llama})
 * @param organization  id of the releasing organization
 * @param released      day the weights became downloadable (announcement day for closed models)
 * @param accessibility Epoch AI's vocabulary: {@code open-unrestricted}, {@code open-restricted},
 *                      {@code open-non-commercial}, {@code api}, {@code hosted}, {@code unreleased}
 * @param parametersTotal  e.g. {@code 117B}; for mixture-of-experts models with {@code parametersActive}
 * @param baseModel     id of the model it was built from (lineage), if any
 * @param confidence    {@code verified}, or {@code partial: …} with the reason, as in the reference data
 * @param aliases       other names in English, Simplified and Traditional Chinese
 */
public record ModelRelease(
        String id,
        String name,
        String family,
        String organization,
        Optional<LocalDate> released,
        DatePrecision precision,
        String accessibility,
        String license,
        Optional<String> parametersTotal,
        Optional<String> parametersActive,
        String modality,
        Optional<String> baseModel,
        Optional<String> sourceUrl,
        String confidence,
        List<String> aliases,
        SourceRef where) {

    public ModelRelease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(released, "released");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(accessibility, "accessibility");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(parametersTotal, "parametersTotal");
        Objects.requireNonNull(parametersActive, "parametersActive");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(baseModel, "baseModel");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(confidence, "confidence");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(where, "where");
    }

    public boolean openWeights() {
        return accessibility.startsWith("open-");
    }

    /** A family entry groups releases; it has no date of its own. */
    public boolean isFamily() {
        return family.equals(id) && released.isEmpty();
    }

    public EntityId entityId() {
        return new EntityId(EntityKind.MODEL, id);
    }
}
