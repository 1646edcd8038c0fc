package dev.regbench.reports.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The validation metric that chooses epochs and grid points (lower is better for both). */
public enum SelectionMetric {
    /** Validation data loss (cross-entropy or MSE): the default. */
    @JsonProperty("validation-loss") VALIDATION_LOSS("validation-loss"),
    /** Validation error, 1 − accuracy (classification only). */
    @JsonProperty("validation-error") VALIDATION_ERROR("validation-error");

    private final String id;

    SelectionMetric(String id) {
        this.id = id;
    }

    /** @return the name used in suite and result files */
    public String id() {
        return id;
    }

    /** @return whether reports print it in percent (the error; the selector works with the fraction) */
    public boolean inPercent() {
        return this == VALIDATION_ERROR;
    }

    /** @return the name for humans, e.g. {@code validation loss} */
    public String label() {
        return id.replace('-', ' ');
    }

    /**
     * @param validation a run's validation measurement
     * @return the value this metric minimizes: the loss, or the error as a fraction in [0, 1]; NaN where the file
     *         lacks it
     */
    public double of(SplitMetrics validation) {
        Double v = this == VALIDATION_LOSS ? validation.loss()
                : validation.accuracy() == null ? null : 1 - validation.accuracy();
        return v == null ? Double.NaN : v;
    }
}
