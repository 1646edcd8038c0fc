package dev.regbench.suites.tuned;

import java.util.Collection;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.StepFunction;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.optimize.solvers.StochasticGradientDescent;
import org.nd4j.common.primitives.Pair;

/**
 * DL4J's {@link StochasticGradientDescent}, with the penalties' share of each step's score computed by the
 * fused update pass ({@link FusedUpdater#scoresPenalties()}) from the parameters it reads, instead of a pass of
 * its own before it. DL4J computes score = loss + penalties before the update and nothing reads the score in
 * between except {@code onGradientCalculation} listeners, so this happens only when there are no listeners;
 * {@link TunedNetwork} leaves the penalties out while the loss is computed, the update adds them from the
 * same (not yet updated) parameters, and the step ends with DL4J's score (tested).
 */
final class TunedSgd extends StochasticGradientDescent {
    TunedSgd(NeuralNetConfiguration conf, StepFunction stepFunction, Collection<TrainingListener> listeners,
             Model model) {
        super(conf, stepFunction, listeners, model);
    }

    @Override
    public Pair<Gradient, Double> gradientAndScore(LayerWorkspaceMgr workspaceMgr) {
        boolean defer = model instanceof TunedNetwork && updater instanceof FusedUpdater fused
                && fused.scoresPenalties() && (trainingListeners == null || trainingListeners.isEmpty());
        if (!defer) {
            return super.gradientAndScore(workspaceMgr);
        }
        TunedNetwork network = (TunedNetwork) model;
        network.deferPenalty(true);
        try {
            Pair<Gradient, Double> pair = super.gradientAndScore(workspaceMgr); // computes the loss, then updates
            if (network.penaltyPending()) {
                throw new IllegalStateException("the update left the penalties unscored"); // a bug, not a user error
            }
            score = network.score();
            return new Pair<>(pair.getFirst(), score);
        } finally {
            network.deferPenalty(false);
        }
    }
}
