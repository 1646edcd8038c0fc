package dev.regbench.suites.tuned;

import java.util.Collection;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.Solver;
import org.deeplearning4j.optimize.api.ConvexOptimizer;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * DL4J's {@link Solver} for stochastic gradient descent ({@link TunedSgd}) with a given step function
 * ({@link FusedStep}): DL4J's own solver takes its step function only from the configuration, which knows four
 * fixed ones.
 */
final class TunedSolver extends Solver {
    private final NeuralNetConfiguration conf;
    private final Model model;
    private final FusedStep step;
    private Collection<TrainingListener> listeners;
    private ConvexOptimizer optimizer;

    TunedSolver(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, Model model, FusedStep step) {
        this.conf = conf;
        this.listeners = listeners;
        this.model = model;
        this.step = step;
    }

    @Override
    public ConvexOptimizer getOptimizer() {
        if (optimizer == null) {
            optimizer = new TunedSgd(conf, step, listeners, model);
        }
        return optimizer;
    }

    @Override
    public void setListeners(Collection<TrainingListener> listeners) {
        this.listeners = listeners;
        if (optimizer != null) {
            optimizer.setListeners(listeners);
        }
    }
}
