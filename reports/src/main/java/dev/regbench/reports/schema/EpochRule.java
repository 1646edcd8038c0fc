package dev.regbench.reports.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Which epoch of a run counts, chosen on its validation curve (never on test metrics). */
public enum EpochRule {
    /** The last epoch: no early stopping. */
    @JsonProperty("final") FINAL,
    /** The epoch with the best validation metric over the whole run (ideal early stopping on validation). */
    @JsonProperty("best") BEST,
    /**
     * Early stopping with patience k: the best epoch seen before the validation metric failed to improve for
     * k consecutive evaluations (the run is still trained to the end, for its curves).
     */
    @JsonProperty("patience") PATIENCE;

    /** @return the name used in suite and result files */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
