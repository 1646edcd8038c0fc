package dev.regbench.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.reports.AtomicFiles;
import dev.regbench.reports.schema.RunResultFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep to a real HDFS: a name node and a data node ({@code hadoop-client-minicluster}, the Hadoop version of
 * Spark's client) in this JVM on 127.0.0.1, sweeps as processes of their own writing {@code hdfs://…}. One is
 * killed (SIGKILL) while a task is between writing a result's temporary file and renaming it to its name; a
 * second driver is refused by the lock while the first lives; a rerun takes over the dead driver's lock and
 * completes the set. Every result then exists once, complete, bit-identical to {@code regbench run} on a local
 * disk. This exercises Hadoop's own file-system code: temporary file + rename, the create-if-absent lock, the
 * atomic replace of the selection.
 */
class HdfsSweepTest {
    @TempDir
    static Path dir;
    private static MiniDFSCluster cluster;
    private static String root;

    @BeforeAll
    static void startHdfs() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        conf.setInt("dfs.replication", 1);
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        root = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown(true);
        }
    }

    private static SweepProcess sweep(String out, Map<String, String> properties) throws Exception {
        return SweepProcess.start(dir.resolve("logs"), properties, "--suite", SweepRuns.suite().toString(),
                "--out", out, "--master", "local[2]");
    }

    @Test
    void aSweepKilledMidWriteOnHdfsResumesToTheSetARunWritesLocally() throws Exception {
        Path local = dir.resolve("local");
        SweepRuns.Output reference = SweepRuns.run("--suite", SweepRuns.suite().toString(), "--out", local.toString(),
                "--threads", "1");
        assertEquals(0, reference.exitCode(), reference.toString());

        String out = root + "/sweeps/a";
        String paused = "runs/tune/none-seed2.json";
        SweepProcess first = sweep(out, Map.of(AtomicFiles.PAUSE_PROPERTY, paused));
        String announced = first.awaitErrLine(AtomicFiles.PAUSE_ANNOUNCEMENT, 300);
        assertTrue(announced.endsWith(out + "/" + paused), announced);

        // While the first driver lives, a second one on the same directory is refused in one line.
        SweepProcess second = sweep(out, Map.of());
        assertEquals(1, second.await(120), second.toString());
        assertEquals(1, second.err().strip().lines().count(), second.toString());
        assertTrue(second.err().contains("is in use by regbench sweep on host"), second.toString());

        first.kill(); // SIGKILL between the temporary file's write and its rename
        FileSystem fs = cluster.getFileSystem();
        org.apache.hadoop.fs.Path runs = new org.apache.hadoop.fs.Path(out + "/runs");
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(out + "/" + paused)), "the interrupted result is absent");
        assertTrue(files(fs, runs).keySet().stream().anyMatch(n -> n.startsWith("tune/none-seed2.json"
                + AtomicFiles.TEMP_INFIX)), "the kill landed mid-write: its temporary file is there " + files(fs, runs).keySet());
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(out + "/" + SweepLock.FILE)), "the dead driver's lock remains");

        SweepProcess rerun = sweep(out, Map.of());
        assertEquals(0, rerun.await(300), rerun.toString());
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(out + "/" + SweepLock.FILE)), "the lock is released");

        Map<String, byte[]> written = files(fs, runs);
        Map<String, String> hashes = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : written.entrySet()) {
            assertTrue(e.getKey().endsWith(".json"), "only results, no temporary files: " + e.getKey());
            hashes.put(e.getKey(), RunResultFiles.parse(e.getKey(), e.getValue()).result().finalParamsSha256());
        }
        assertEquals(SweepRuns.hashes(SweepRuns.results(local)), hashes,
                "every result once, complete, bit-identical to regbench run on a local disk");
        try (InputStream selection = fs.open(new org.apache.hadoop.fs.Path(out + "/selection.json"))) {
            assertArrayEquals(Files.readAllBytes(local.resolve("selection.json")), selection.readAllBytes());
        }
    }

    /** @return every file under {@code dir}, by path relative to it */
    private static Map<String, byte[]> files(FileSystem fs, org.apache.hadoop.fs.Path dir) throws Exception {
        Map<String, byte[]> all = new TreeMap<>();
        String prefix = fs.makeQualified(dir).toUri().getPath() + "/";
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
        while (it.hasNext()) {
            org.apache.hadoop.fs.Path p = it.next().getPath();
            try (InputStream in = fs.open(p)) {
                all.put(p.toUri().getPath().substring(prefix.length()), in.readAllBytes());
            }
        }
        return all;
    }
}
