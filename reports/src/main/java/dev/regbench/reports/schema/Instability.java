package dev.regbench.reports.schema;

import java.util.List;
import java.util.Optional;

/**
 * A run whose training loss rose markedly between evaluated epochs: the sign of a learning rate (or momentum) too
 * large for the network, which makes a run's numbers depend on where in an oscillation training stopped. The
 * training loss is measured in inference mode on a fixed subset of the training examples, so dropout noise and
 * minibatch sampling do not move it: with a step size the network tolerates it falls, or stays, from one evaluation
 * to the next.
 * <p>
 * <b>The rule</b> ({@link #of}): a run is flagged at the first evaluated epoch whose training loss exceeds the lowest
 * training loss of the earlier evaluations (epoch 0 included) by more than {@value #RELATIVE_RISE} of that lowest value <em>and</em> by
 * more than {@value #SCALE_RISE} of the epoch-0 training loss (the loss of the untrained network, which sets the
 * task's scale: 2.3 nats for ten classes, the target's variance for regression), so that rises in the fourth digit
 * of a memorized training set do not count. Examples: 0.537 → 0.577 (+7.4 %) is flagged on MNIST (epoch-0 loss
 * 2.49: +0.040 &gt; 0.025); 0.0100 → 0.0104 is not.
 *
 * @param epoch       the first evaluated epoch whose training loss rose past the rule's bound
 * @param trainLoss   its training loss
 * @param lowest      the lowest training loss of the earlier evaluations
 * @param lowestEpoch the epoch of that lowest loss
 */
public record Instability(int epoch, double trainLoss, double lowest, int lowestEpoch) {
    /** A rise of more than this fraction of the lowest earlier training loss... */
    public static final double RELATIVE_RISE = 0.05;
    /** ... and of more than this fraction of the epoch-0 training loss flags a run. */
    public static final double SCALE_RISE = 0.01;

    /**
     * @param epochs a run's evaluated epochs, epoch 0 first
     * @return the first marked rise of its training loss, if any
     */
    public static Optional<Instability> of(List<EpochMetrics> epochs) {
        if (epochs.size() < 2) {
            return Optional.empty();
        }
        Double first = epochs.get(0).train().loss();
        if (first == null) {
            return Optional.empty();
        }
        double lowest = Double.POSITIVE_INFINITY;
        int lowestEpoch = -1;
        for (int i = 0; i < epochs.size(); i++) {
            Double loss = epochs.get(i).train().loss();
            if (loss == null) {
                continue;
            }
            if (lowestEpoch >= 0 && loss > lowest * (1 + RELATIVE_RISE) && loss - lowest > SCALE_RISE * first) {
                return Optional.of(new Instability(epochs.get(i).epoch(), loss, lowest, lowestEpoch));
            }
            if (loss < lowest) {
                lowest = loss;
                lowestEpoch = epochs.get(i).epoch();
            }
        }
        return Optional.empty();
    }

    /** @return e.g. {@code training loss 0.5370 (epoch 2) → 0.5770 (epoch 4), +7.4 %} */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "training loss %.4g (epoch %d) → %.4g (epoch %d), +%.1f %%", lowest,
                lowestEpoch, trainLoss, epoch, 100 * (trainLoss - lowest) / lowest);
    }
}
