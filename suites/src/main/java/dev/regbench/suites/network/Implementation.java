package dev.regbench.suites.network;

import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Which classes train a network: DL4J's own, or an {@link Accelerator} — a drop-in replacement of those classes
 * that computes the same function with less work per step (regbench's tuned classes, package
 * {@code dev.regbench.suites.tuned}). Both give the same results up to float rounding (the tuned package's tests
 * compare them step by step and parameter by parameter; README's equivalence run compares test errors of whole
 * suites). A run records which one trained it ({@link Choice}), and resuming never mixes them.
 */
public enum Implementation {
    /** DL4J's {@code DenseLayer}, {@code OutputLayer}, {@code Dropout}, penalties, updaters and network as shipped. */
    STOCK,
    /**
     * The {@link Accelerator} this build carries (the default): on ND4J's CPU backend only; elsewhere, or where
     * it cannot run, {@link #choose} falls back to {@link #STOCK} and says why.
     */
    TUNED;

    private static final Optional<Accelerator> ACCELERATOR = ServiceLoader.load(Accelerator.class,
            Implementation.class.getClassLoader()).findFirst();

    /** @return the name used on command lines, in results and in JMH parameters: {@code stock} or {@code tuned} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id {@code stock} or {@code tuned}
     * @return the implementation
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Implementation of(String id) {
        for (Implementation i : values()) {
            if (i.id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("implementation must be stock or tuned, was '" + id + "'");
    }

    /** @return the accelerator this build carries, if any (whether or not it can run here) */
    public static Optional<Accelerator> accelerator() {
        return ACCELERATOR;
    }

    /**
     * Decides, before any training, which implementation trains in this JVM when {@code this} is asked for.
     *
     * @return {@link #STOCK} as asked, or {@link #TUNED} where its accelerator can run here; otherwise
     *         {@link #STOCK} with the one-line reason in {@link Choice#note()}
     */
    public Choice choose() {
        if (this == STOCK) {
            return new Choice(STOCK, STOCK, null, null);
        }
        if (ACCELERATOR.isEmpty()) {
            return new Choice(TUNED, STOCK, null, "this build has no tuned implementation (package "
                    + "dev.regbench.suites.tuned): DL4J's stock classes train instead");
        }
        Optional<String> why = ACCELERATOR.get().unavailable();
        return why.map(reason -> new Choice(TUNED, STOCK, null, reason))
                .orElseGet(() -> new Choice(TUNED, TUNED, ACCELERATOR.get().layout(), null));
    }

    /**
     * What trains the runs of one command, decided once ({@link #choose}); recorded in every result.
     *
     * @param requested what the command line asked for
     * @param used      what trains: {@code requested}, or {@link #STOCK} where the tuned classes cannot run
     * @param layout    the tuned layers' activation layout on this machine (e.g. {@code feature-major}), which
     *                  decides the order of their float sums; null for {@link #STOCK}
     * @param note      why {@code used} differs from {@code requested}, in one line; null if it does not
     */
    public record Choice(Implementation requested, Implementation used, String layout, String note) {
        /** @return what trains: {@link Implementation#STOCK} as asked */
        public static Choice stock() {
            return STOCK.choose();
        }

        /** @return {@code used.id()} */
        public String id() {
            return used.id();
        }

        /**
         * @param spec a network
         * @return the layout its runs train in ({@link Accelerator#layout(NetworkSpec)}); null for stock
         */
        public String layout(NetworkSpec spec) {
            return used == TUNED ? ACCELERATOR.orElseThrow().layout(spec) : null;
        }

        /**
         * @param net a network built for this choice
         * @return the layout it trains in ({@link Accelerator#layout(MultiLayerNetwork)}); null for stock
         */
        public String layout(org.deeplearning4j.nn.multilayer.MultiLayerNetwork net) {
            return used == TUNED ? ACCELERATOR.orElseThrow().layout(net) : null;
        }

        /** @return e.g. {@code tuned (feature-major layout)}, {@code stock}, {@code stock (tuned unavailable)} */
        public String label() {
            return used.id() + (layout != null ? " (" + layout + " layout)" : note != null ? " (tuned unavailable)" : "");
        }
    }
}
