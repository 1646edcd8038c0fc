package dev.regbench.reports.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One training run: one regularizer, one seed. Written by {@code regbench run} as
 * {@code <out>/runs/<regularizer>-seed<k>.json}; the only input of {@code regbench report}.
 *
 * @param schemaVersion       {@link #SCHEMA_VERSION}
 * @param suite               the suite file it came from
 * @param task                classification or regression
 * @param dataset             the data it saw
 * @param network             the network and schedule (identical across regularizers of a suite)
 * @param regularizer         the regularizer
 * @param seed                the run's seed: drives initialization, batch order and dropout masks
 * @param status              completed or diverged
 * @param divergedAtEpoch     the epoch whose loss or weights became NaN/infinite (diverged runs only)
 * @param failure             what diverged, in words (diverged runs only)
 * @param epochs              measurements after epoch 0 (before training), 1, 2, …; a diverged run's list
 *                            ends before {@code divergedAtEpoch}
 * @param finalMetrics        (JSON key {@code final}) the last epoch's measurements; absent if diverged
 * @param initialParamsSha256 SHA-256 of the initial parameters (float32, little-endian): equal across the
 *                            regularizers of a seed, which proves they started from the same weights
 * @param finalParamsSha256   SHA-256 of the final parameters (absent if diverged): equal for two runs of the same
 *                            configuration, seed and environment, which proves reproducibility
 * @param weightHistogram     final weights; absent if diverged
 * @param fit                 final prediction over [-1, 1] (regression only; absent if diverged)
 * @param environment         where it ran
 * @param startedAt           ISO-8601 UTC start time
 * @param finishedAt          ISO-8601 UTC end time
 */
@JsonPropertyOrder({"schemaVersion", "suite", "task", "dataset", "network", "regularizer", "seed", "status",
        "divergedAtEpoch", "failure", "epochs", "final", "initialParamsSha256", "finalParamsSha256", "weightHistogram", "fit", "environment",
        "startedAt", "finishedAt"})
public record RunResult(int schemaVersion, SuiteRef suite, TaskType task, DatasetInfo dataset, NetworkInfo network,
                        RegularizerInfo regularizer, long seed, RunStatus status, Integer divergedAtEpoch,
                        String failure, List<EpochMetrics> epochs, @JsonProperty("final") EpochMetrics finalMetrics,
                        String initialParamsSha256, String finalParamsSha256, WeightHistogram weightHistogram, PolynomialFit fit,
                        Environment environment, String startedAt, String finishedAt) {
    /** The schema version this code writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    /** @return the canonical file name, {@code <regularizer>-seed<k>.json} */
    public static String fileName(String regularizerName, long seed) {
        return regularizerName + "-seed" + seed + ".json";
    }
}
