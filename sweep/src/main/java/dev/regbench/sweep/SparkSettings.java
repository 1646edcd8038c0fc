package dev.regbench.sweep;

import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * The Spark configuration of a sweep: what regbench needs (one run per {@code spark.task.cpus} cores with that
 * many OpenMP threads, no speculative duplicates, ND4J's native build on the executors) on top of what the user
 * gave ({@code spark-submit} properties, {@code --conf}); local masters bind to 127.0.0.1 and have no UI unless
 * asked.
 */
final class SparkSettings {
    /** The system property giving the ND4J native build's extension (scripts/regbench and the POM set it). */
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private SparkSettings() {
    }

    /**
     * @param conf          Spark's configuration (already holding spark-submit's properties)
     * @param master        --master, or null
     * @param threadsPerRun OpenMP threads per run, ≥ 1
     * @param extra         --conf pairs
     * @param dataDir       --data-dir, or null
     * @return {@code conf}, completed
     * @throws IllegalArgumentException naming the option if the settings contradict regbench's needs
     */
    static SparkConf configure(SparkConf conf, String master, int threadsPerRun, Map<String, String> extra,
                               String dataDir) {
        extra.forEach(conf::set);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            int cores = Runtime.getRuntime().availableProcessors();
            conf.setMaster("local[" + Math.max(1, cores / threadsPerRun) + "]");
        }
        conf.setIfMissing("spark.app.name", "regbench sweep");
        if (conf.getBoolean("spark.speculation", false)) {
            throw new IllegalArgumentException("spark.speculation=true: speculative copies would train runs twice; "
                    + "regbench sweep needs it off");
        }
        conf.set("spark.speculation", "false");
        boolean local = isLocal(conf.get("spark.master"));
        // Local masters: the task slots are local[k]'s k threads, each run one of them; the OpenMP threads per
        // run come from this JVM's OMP_NUM_THREADS. Clusters: each task reserves threadsPerRun cores.
        conf.set("spark.task.cpus", local ? "1" : String.valueOf(threadsPerRun));
        conf.set("spark.executorEnv.OMP_NUM_THREADS", String.valueOf(threadsPerRun));
        if (dataDir != null) {
            conf.setIfMissing("spark.executorEnv.REGBENCH_DATA", dataDir);
        }
        String extension = System.getProperty(EXTENSION_PROPERTY);
        if (extension != null && !conf.get("spark.executor.extraJavaOptions", "").contains(EXTENSION_PROPERTY)) {
            conf.set("spark.executor.extraJavaOptions", (conf.get("spark.executor.extraJavaOptions", "") + " -D"
                    + EXTENSION_PROPERTY + "=" + extension).trim());
        }
        // The tuned implementation's kernels need the Vector API module in every executor JVM too, and its
        // OpenMP region native access (Java 22+; accepted by 17). The executors' Java version is unknown here, so
        // the options every JVM from 17 to 25 accepts.
        if (!conf.get("spark.executor.extraJavaOptions", "").contains(VECTOR_MODULE)) {
            conf.set("spark.executor.extraJavaOptions",
                    (conf.get("spark.executor.extraJavaOptions", "") + " --add-modules=" + VECTOR_MODULE).trim());
        }
        if (!conf.get("spark.executor.extraJavaOptions", "").contains(NATIVE_ACCESS)) {
            conf.set("spark.executor.extraJavaOptions",
                    (conf.get("spark.executor.extraJavaOptions", "") + " " + NATIVE_ACCESS).trim());
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        if (local) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /** @return whether a master URL runs tasks inside the driver's JVM */
    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }
}
