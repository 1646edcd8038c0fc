package dev.regbench.suites.bench;

import dev.regbench.suites.network.Accelerator;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Two builds of regbench's training step compared in one JVM: each build's {@code regbench-suites} jar is loaded
 * by its own class loader (regbench's {@code dev.regbench.suites} classes from that jar, everything else — ND4J,
 * DL4J, the datasets module — shared from this JVM), each builds {@link TrainStep}'s network, and blocks of steps
 * of the two alternate in an order shuffled per round. Both builds see the same machine state within a round, so
 * the per-round ratios are paired and a shared 2-vCPU machine's 2× swings cancel: three A/A comparisons of one
 * jar against itself gave 1.01, 1.00 and 0.98 (±3 %) in 100 rounds each, where separate JMH forks of the same
 * build varied by 2× (AMD EPYC family 25 model 17). Run both orders for a claim
 * (docs/performance.md). Changes outside {@code dev.regbench.suites} (the datasets module, say) are not compared.
 */
public final class BuildComparison {
    /**
     * What to compare.
     *
     * @param baseline    the baseline build's suites jar
     * @param candidate   the candidate build's suites jar
     * @param task        {@code mnist} or {@code polynomial}
     * @param regularizer a regularizer of the task's suite
     * @param rounds      rounds (≥ 2)
     * @param steps       training steps per block (≥ 1)
     * @param seed        seed of the per-round orders
     * @param baselineLayout  the baseline's activation layout ({@code TrainStep.layout}: {@code machine},
     *                        {@code feature-major} or {@code batch-major})
     * @param candidateLayout the candidate's: one jar against itself in two layouts compares the layouts
     */
    public record Plan(Path baseline, Path candidate, String task, String regularizer, int rounds, int steps,
                       long seed, String baselineLayout, String candidateLayout) {
    }

    /**
     * @param baselineMicros  the baseline's time per step in each round, µs
     * @param candidateMicros the candidate's, same rounds
     * @param speedup         candidate throughput / baseline throughput, paired by round
     */
    public record Result(double[] baselineMicros, double[] candidateMicros, RatioEstimate speedup) {
        /** @return the baseline's median time per step over the rounds, µs */
        public double baselineMedian() {
            return SpeedRounds.median(baselineMicros);
        }

        /** @return the candidate's median time per step over the rounds, µs */
        public double candidateMedian() {
            return SpeedRounds.median(candidateMicros);
        }
    }

    /** One build's training step, behind its own class loader. */
    private record Subject(Object step, Method fit, Object counter) {
        void run(int steps) throws ReflectiveOperationException {
            for (int i = 0; i < steps; i++) {
                fit.invoke(step, counter);
            }
        }
    }

    private BuildComparison() {
    }

    /**
     * @param plan what to compare
     * @param log  progress lines
     * @return the per-round times and the paired speed-up
     * @throws IOException if a jar is missing or a network cannot be built
     */
    public static Result run(Plan plan, Consumer<String> log) throws IOException {
        try {
            Subject baseline = subject(plan.baseline(), plan.baselineLayout(), plan);
            Subject candidate = subject(plan.candidate(), plan.candidateLayout(), plan);
            for (int w = 0; w < 3; w++) {
                baseline.run(plan.steps());
                candidate.run(plan.steps());
            }
            double[] a = new double[plan.rounds()];
            double[] b = new double[plan.rounds()];
            Random order = new Random(plan.seed());
            for (int r = 0; r < plan.rounds(); r++) {
                boolean baselineFirst = order.nextBoolean();
                for (int k = 0; k < 2; k++) {
                    boolean isBaseline = (k == 0) == baselineFirst;
                    long start = System.nanoTime();
                    (isBaseline ? baseline : candidate).run(plan.steps());
                    double micros = (System.nanoTime() - start) / 1e3 / plan.steps();
                    (isBaseline ? a : b)[r] = micros;
                }
                log.accept(String.format("  round %d/%d: baseline %,.0f µs/step, candidate %,.0f µs/step", r + 1,
                        plan.rounds(), a[r], b[r]));
            }
            // Throughput ratio candidate / baseline = time ratio baseline / candidate.
            return new Result(a, b, RatioEstimate.of(a, b));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IOException("a build failed to train: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IOException("not a regbench-suites jar with TrainStep: " + e, e);
        }
    }

    private static Subject subject(Path jar, String layout, Plan plan) throws IOException, ReflectiveOperationException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + ": no such jar (build it with mvn -o -q package -DskipTests -pl suites -am)");
        }
        ClassLoader loader = new OwnSuitesClassLoader(jar.toUri().toURL(), BuildComparison.class.getClassLoader());
        Class<?> type = loader.loadClass(TrainStep.class.getName());
        Object step = type.getConstructor().newInstance();
        type.getField("task").set(step, plan.task());
        type.getField("regularizer").set(step, plan.regularizer());
        type.getField("implementation").set(step, "tuned");
        if (!Accelerator.MACHINE_LAYOUT.equals(layout)) { // builds before the layout choice have no such field
            try {
                type.getField("layout").set(step, layout);
            } catch (NoSuchFieldException e) {
                throw new IOException(jar + " predates the layout choice: compare it with layout machine only");
            }
        }
        type.getMethod("setup").invoke(step);
        Class<?> counterType = loader.loadClass(ExampleCounter.class.getName());
        return new Subject(step, type.getMethod("fit", counterType), counterType.getConstructor().newInstance());
    }

    /**
     * Loads {@code dev.regbench.suites} classes from its own jar (child first), everything else from the
     * parent, so that two builds of the suites module live side by side over one ND4J.
     */
    static final class OwnSuitesClassLoader extends URLClassLoader {
        private static final String OWN = "dev.regbench.suites.";

        OwnSuitesClassLoader(URL jar, ClassLoader parent) {
            super(new URL[] {jar}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(OWN)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = name.startsWith(OWN.replace('.', '/')) ? findResource(name) : null;
            return own != null ? own : super.getResource(name);
        }
    }
}
