package dev.regbench.reports.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the network predicts, which decides the loss and the metrics recorded. */
public enum TaskType {
    /** Softmax + cross-entropy; accuracy recorded. */
    @JsonProperty("classification") CLASSIFICATION,
    /** Identity output + mean squared error; MSE recorded. */
    @JsonProperty("regression") REGRESSION
}
