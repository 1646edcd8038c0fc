package dev.regbench.reports.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a run ended. Interrupted runs write no file at all. */
public enum RunStatus {
    /** All epochs trained and evaluated. */
    @JsonProperty("completed") COMPLETED,
    /** A loss or a weight became NaN or infinite; training stopped at {@code RunResult.divergedAtEpoch}. */
    @JsonProperty("diverged") DIVERGED
}
