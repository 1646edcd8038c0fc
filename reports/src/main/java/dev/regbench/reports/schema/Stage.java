package dev.regbench.reports.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * Which stage of the selection protocol a run belongs to. Two-stage suites tune every grid point on the tuning
 * seeds, choose on validation, then re-train the chosen configuration on fresh evaluation seeds; headline
 * numbers come from evaluation runs only. Suites without a grid run one stage.
 */
public enum Stage {
    /** A suite without a grid (or an exploratory grid): every run is reported; nothing was chosen. */
    @JsonProperty("single") SINGLE,
    /** Tuning: every grid point on the tuning seeds; validation metrics choose, test metrics are only shown. */
    @JsonProperty("tune") TUNE,
    /** Evaluation: the chosen configuration of each regularizer on seeds that took no part in the choice. */
    @JsonProperty("eval") EVAL;

    /** @return the name used in files and directories: {@code single}, {@code tune}, {@code eval} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
