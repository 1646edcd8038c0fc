package dev.regbench.suites.network;

import java.util.Locale;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The updater, identical for all variants of a suite.
 *
 * @param type         plain SGD, SGD with Nesterov momentum (DL4J's only momentum SGD), or Adam
 * @param learningRate step size, &gt; 0
 * @param momentum     Nesterov momentum in [0, 1) for {@link Type#NESTEROV}; must be 0 otherwise
 */
public record OptimizerSpec(Type type, double learningRate, double momentum) {
    /** Updater families. */
    public enum Type {
        /** w −= lr·g (DL4J {@code Sgd}). */
        SGD,
        /** Nesterov momentum (DL4J {@code Nesterovs}). */
        NESTEROV,
        /** Kingma &amp; Ba 2015 with DL4J's default betas (0.9, 0.999) and ε = 1e-8. */
        ADAM;

        /** @return the name used in suite files */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Validates the fields; messages name the field. */
    public OptimizerSpec {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a finite number > 0, was " + learningRate);
        }
        if (type == Type.NESTEROV && !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), was " + momentum);
        }
        if (type != Type.NESTEROV && momentum != 0) {
            throw new IllegalArgumentException("momentum is only for type nesterov (DL4J's plain " + type.id()
                    + " has none); use type: nesterov");
        }
    }

    /** @return a fresh DL4J updater configuration */
    public IUpdater toUpdater() {
        return switch (type) {
            case SGD -> new Sgd(learningRate);
            case NESTEROV -> new Nesterovs(learningRate, momentum);
            case ADAM -> new Adam(learningRate);
        };
    }
}
