package dev.regbench.reports.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One training run: one regularizer at one grid point, one seed, one stage. Written by {@code regbench run} as
 * {@code <out>/runs/[<stage>/][trainSize=<n>/]<regularizer>[-<key>=<value>…]-seed<k>.json}; the only input of
 * {@code regbench report}.
 *
 * @param schemaVersion       {@link #SCHEMA_VERSION}: the major version, changed when a field is removed, renamed
 *                            or changes meaning (readers refuse another major version)
 * @param schemaMinor         {@link #SCHEMA_MINOR}: the minor version, changed when fields are added (readers of an
 *                            older minor version set the new fields aside); absent in files of minor version 0
 * @param suite               the suite file it came from
 * @param stage               single, tune or eval (the selection protocol's stage)
 * @param point               the swept regularizer parameters of this run's grid point, e.g.
 *                            {@code {"lambda": 1.0E-4}}; empty when nothing of its regularizer is swept
 * @param task                classification or regression
 * @param dataset             the data it saw
 * @param network             the network and schedule (identical across regularizers of a suite)
 * @param implementation      which code trained it: {@code tuned} (regbench's drop-in layers) or {@code stock}
 *                            (DL4J's classes as shipped); absent in files of minor version 0
 * @param activationLayout    the tuned layers' activation layout ({@code feature-major} or {@code batch-major},
 *                            chosen from the CPU's instruction set), or {@code java-step} for a small network
 *                            whose every step ran in Java: the order of their float sums; absent for
 *                            {@code stock} and in files of minor version &lt; 4
 * @param implementationNote  why the run trained with {@code stock} although {@code tuned} was asked for (another
 *                            ND4J backend, a JDK the kernels cannot run on), in one line; absent otherwise
 * @param regularizer         the regularizer, with all its parameter values
 * @param seed                the run's seed: drives initialization, batch order, dropout masks and, with
 *                            {@code dataset.draw = per-seed}, the training examples
 * @param status              completed or diverged
 * @param divergedAtEpoch     the epoch whose loss or weights became NaN/infinite (diverged runs only)
 * @param failure             what diverged, in words (diverged runs only)
 * @param instability         completed runs whose training loss rose markedly between evaluated epochs
 *                            ({@link Instability}'s rule): where it first did; absent for a stable run and in files
 *                            of minor version &lt; 4 (readers apply the rule to those)
 * @param epochChoice         the epoch whose metrics count, chosen on this run's validation curve (completed
 *                            runs only)
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
@JsonPropertyOrder({"schemaVersion", "schemaMinor", "suite", "stage", "point", "task", "dataset", "network",
        "implementation", "activationLayout", "implementationNote", "regularizer", "seed",
        "status", "divergedAtEpoch", "failure", "instability", "epochChoice", "epochs", "final", "initialParamsSha256",
        "finalParamsSha256", "weightHistogram", "fit", "environment", "startedAt", "finishedAt"})
public record RunResult(int schemaVersion, Integer schemaMinor, SuiteRef suite, Stage stage, Map<String, Double> point,
                        TaskType task, DatasetInfo dataset, NetworkInfo network, String implementation,
                        String activationLayout, String implementationNote, RegularizerInfo regularizer, long seed,
                        RunStatus status, Integer divergedAtEpoch, String failure, Instability instability,
                        EpochChoice epochChoice,
                        List<EpochMetrics> epochs, @JsonProperty("final") EpochMetrics finalMetrics,
                        String initialParamsSha256, String finalParamsSha256, WeightHistogram weightHistogram,
                        PolynomialFit fit, Environment environment, String startedAt, String finishedAt) {
    /** The schema version this code writes and reads (2: validation split, stages, grid points). */
    public static final int SCHEMA_VERSION = 2;
    /**
     * The minor version this code writes (1: {@code implementation}, {@code dataset.dataSha256}; 2: the
     * regularizer's {@code parameters} and components {@code l1}, {@code l2}, {@code weightDecay},
     * {@code maxNorm}, and {@code epochs[].maxUnitNorm}; 3: {@code environment.cpu}, the processor in detail;
     * 4: {@code activationLayout}, {@code implementationNote}, {@code instability}, test losses absent where not
     * finite).
     */
    public static final int SCHEMA_MINOR = 5;

    /** Keeps the grid point's key order (the suite's) and makes it unmodifiable. */
    public RunResult {
        point = point == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
    }

    /**
     * @return where this completed run's training loss first rose markedly: as recorded, or by {@link Instability}'s
     *         rule for files written before it was recorded; empty for stable and diverged runs
     */
    public java.util.Optional<Instability> unstable() {
        if (status != RunStatus.COMPLETED) {
            return java.util.Optional.empty();
        }
        return instability != null ? java.util.Optional.of(instability) : Instability.of(epochs);
    }

    /** @return the measurements at the epoch chosen on validation (null for a diverged run) */
    public EpochMetrics chosenMetrics() {
        if (epochChoice == null) {
            return null;
        }
        return epochs.stream().filter(m -> m.epoch() == epochChoice.epoch()).findFirst().orElse(null);
    }
}
