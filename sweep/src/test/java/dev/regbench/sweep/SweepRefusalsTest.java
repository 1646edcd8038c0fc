package dev.regbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a sweep refuses before anything trains (and before Spark starts), each in one line naming the option and
 * the fix: an output or a data directory on this machine's own disk with a cluster master, an --out that is neither a path nor a URI.
 * And what it repairs: a relative --data-dir is made absolute before it is shipped to executors.
 */
class SweepRefusalsTest {
    @TempDir
    Path dir;

    @Test
    void aLocalDiskOutputWithAClusterMasterIsRefusedBeforeAnythingTrains() throws Exception {
        assertTrue(Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs")
                        .contains(Files.getFileStore(dir).type()),
                "this test needs its temporary directory on a machine-local file system, was "
                        + Files.getFileStore(dir).type());
        Path out = dir.resolve("out");
        // 198.51.100.1 is TEST-NET-2: if the check did not refuse, the driver would try to reach it and time out.
        SweepRuns.Output refused = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> SweepRuns.sweep(Set.of(),
                "--suite", SweepRuns.suite().toString(), "--out", out.toString(), "--master", "spark://198.51.100.1:7077"));
        assertEquals(1, refused.exitCode(), refused.toString());
        assertEquals(1, refused.err().strip().lines().count(), refused.toString());
        assertTrue(refused.err().contains("--out " + out + " is on this machine's own disk"), refused.err());
        assertTrue(refused.err().contains("hdfs://"), "names the fix: " + refused.err());
        assertFalse(Files.exists(out.resolve("runs/tune")), "nothing trained");
    }

    @Test
    void aLocalDiskDataDirectoryWithAClusterMasterIsRefusedBeforeSparkStarts() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        SweepRuns.Output refused = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> SweepRuns.sweep(Set.of(),
                "--suite", SweepRuns.suite().toString(), "--out", "hdfs://198.51.100.1:8020/x", "--data-dir",
                data.toString(), "--master", "spark://198.51.100.1:7077"));
        assertEquals(1, refused.exitCode(), refused.toString());
        assertEquals(1, refused.err().strip().lines().count(), refused.toString());
        assertTrue(refused.err().contains("--data-dir " + data + " is on this machine's own disk"), refused.err());
        assertTrue(refused.err().contains("spark.executorEnv.REGBENCH_DATA"), "names the fix: " + refused.err());
        // The same directory with a master on this machine is what a local or single-host sweep uses.
        SparkSettings.checkDataDirReachable("local[2]", data.toString());
        SparkSettings.checkDataDirReachable("spark://127.0.0.1:7077", data.toString());
    }

    @Test
    void aStandaloneMasterOnThisMachineMayUseALocalOutput() throws Exception {
        SparkSettings.checkOutputReachable("spark://127.0.0.1:7077", java.util.Optional.of(dir));
        SparkSettings.checkOutputReachable("local[2]", java.util.Optional.of(dir));
    }

    @Test
    void anOutputThatIsNeitherAPathNorAUriIsOneLine() {
        SweepRuns.Output refused = SweepRuns.sweep(Set.of(), "--suite", SweepRuns.suite().toString(), "--out",
                "hdfs://name node:8020/x", "--master", "local[1]");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertEquals(1, refused.err().strip().lines().count(), refused.toString());
        assertTrue(refused.err().contains("--out hdfs://name node:8020/x is neither a path nor a URI"), refused.err());
        assertFalse(refused.err().contains("Exception"), refused.err());
    }

    @Test
    void aRelativeDataDirectoryIsShippedAsAnAbsolutePath() {
        String shipped = SparkSettings.absoluteDataDir("datasets/../datasets/data");
        assertEquals(Path.of("").toAbsolutePath().resolve("datasets/data").toString(), shipped);
        var conf = SparkSettings.configure(new org.apache.spark.SparkConf(), "local[1]", 1, java.util.Map.of(),
                shipped);
        assertTrue(Path.of(conf.get("spark.executorEnv.REGBENCH_DATA")).isAbsolute());
    }

    @Test
    void moreLocalThreadsThanCoresIsANoteNotARefusal() {
        assertEquals(java.util.Optional.empty(), SparkSettings.oversubscription("local[2]", 1, 2));
        assertEquals(java.util.Optional.empty(), SparkSettings.oversubscription("spark://h:7077", 8, 2));
        String note = SparkSettings.oversubscription("local[4]", 2, 4).orElseThrow();
        assertTrue(note.contains("8 threads on 4 core(s)") && note.contains("local[2] fits"), note);
    }
}
