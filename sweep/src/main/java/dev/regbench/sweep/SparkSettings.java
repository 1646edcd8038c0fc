package dev.regbench.sweep;

import dev.regbench.reports.OutputLock;
import dev.regbench.suites.harness.OutputException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** File system types of a machine's own disks: a directory there is not what executors elsewhere see. */
    private static final Set<String> MACHINE_LOCAL_TYPES = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "zfs",
            "tmpfs", "overlay", "f2fs", "jfs", "reiserfs", "vfat", "exfat", "ntfs", "apfs", "hfs");

    /**
     * Refuses, before anything trains, an output directory the executors cannot all reach: a directory on this
     * machine's own disk (not a shared mount such as NFS) with a master whose executors may run on other
     * machines, where each executor would write its results to its own disk. A standalone master on this machine
     * (its URL names 127.0.0.1, localhost or this host) is allowed: its workers are here too.
     *
     * @param master   the Spark master URL
     * @param localDir the output directory if it is a local path
     * @throws OutputException naming --out, its file system and the fix
     */
    static void checkOutputReachable(String master, Optional<java.nio.file.Path> localDir) throws OutputException {
        Optional<String> type = localDir.flatMap(dir -> machineLocal(master, dir));
        if (type.isPresent()) {
            throw new OutputException("--out " + localDir.get() + " is on this machine's own disk (" + type.get() + "), but "
                    + "master " + master + " may run tasks on other machines, which would each write to their own "
                    + "disk; use a shared file system (hdfs://…, or a path on an NFS mount every executor sees)");
        }
    }

    /**
     * Refuses, before Spark starts, a {@code --data-dir} on this machine's own disk with a master whose executors
     * may run elsewhere: they would look for the data at that path on their own disks. Executors' own copies are
     * named with {@code --conf spark.executorEnv.REGBENCH_DATA=DIR} (or their {@code $REGBENCH_DATA}) instead, which
     * says that the path is theirs.
     *
     * @param master  the Spark master URL
     * @param dataDir --data-dir, absolute, or null
     * @throws OutputException naming --data-dir, its file system and the fix
     */
    static void checkDataDirReachable(String master, String dataDir) throws OutputException {
        Optional<String> type = dataDir == null ? Optional.empty()
                : machineLocal(master, java.nio.file.Path.of(dataDir));
        if (type.isPresent()) {
            throw new OutputException("--data-dir " + dataDir + " is on this machine's own disk (" + type.get() + "), but "
                    + "master " + master + " may run tasks on other machines; put the data on a mount every "
                    + "executor sees, or copy it to each worker and name their copy with --conf "
                    + "spark.executorEnv.REGBENCH_DATA=DIR instead of --data-dir");
        }
    }

    /**
     * @return the file system type of {@code path} if it is on this machine's own disk and {@code master} may run
     *         tasks on other machines; empty otherwise (also when the type cannot be read: the driver's check after
     *         a stage still catches a missing result)
     */
    private static Optional<String> machineLocal(String master, java.nio.file.Path path) {
        if (isLocal(master) || onThisMachine(master)) {
            return Optional.empty();
        }
        try {
            String type = Files.getFileStore(path).type();
            return MACHINE_LOCAL_TYPES.contains(type.toLowerCase(Locale.ROOT)) ? Optional.of(type) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean onThisMachine(String master) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^spark://([^:/,]+)").matcher(master);
        if (!m.find()) {
            return false;
        }
        String host = m.group(1);
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals(OutputLock.host());
    }

    /**
     * @param dataDir --data-dir as given
     * @return it as an absolute path (executors do not share the driver's working directory)
     * @throws IllegalArgumentException if it is not a path
     */
    static String absoluteDataDir(String dataDir) {
        try {
            return java.nio.file.Path.of(dataDir).toAbsolutePath().normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("--data-dir " + dataDir + " is not a path (" + e.getReason() + ")");
        }
    }

    /**
     * @param master        a local master URL ({@code local}, {@code local[k]}, {@code local[*]})
     * @param threadsPerRun OpenMP threads per run
     * @param cores         this machine's cores
     * @return a warning when local[k] runs more threads at once than there are cores, else empty
     */
    static Optional<String> oversubscription(String master, int threadsPerRun, int cores) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^local\\[(\\d+)").matcher(master);
        if (!m.find()) {
            return Optional.empty();
        }
        int slots = Integer.parseInt(m.group(1));
        if ((long) slots * threadsPerRun <= cores) {
            return Optional.empty();
        }
        return Optional.of("note: " + master + " with " + threadsPerRun + " thread(s) per run runs " + slots * threadsPerRun
                + " threads on " + cores + " core(s): the results are the same, but runs slow each other down; "
                + "local[" + Math.max(1, cores / threadsPerRun) + "] fits this machine");
    }

    /** @return whether a master URL runs tasks inside the driver's JVM */
    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }
}
