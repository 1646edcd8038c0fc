package dev.regbench.suites.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PyTorch's side of {@link SpeedRounds}: {@code scripts/pytorch-reference.py bench} (the same network, real-data
 * batch stream and step as {@link TrainStep}) in one thread configuration, either once ({@link #once}) or as a
 * long-lived process that times one block of steps per request ({@link #block}), so that PyTorch's blocks can
 * alternate with DL4J's within seconds. The process only waits on its input between requests.
 */
final class TorchBench implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Writer requests;
    private final BufferedReader answers;
    private final List<String> command;

    private TorchBench(List<String> command, SpeedRounds.TorchThreads threads) throws IOException {
        this.command = command;
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("OPENBLAS_NUM_THREADS", String.valueOf(threads.blas()));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        process = pb.start();
        requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * @param python  a Python with torch
     * @param home    regbench's directory
     * @param task    {@code mnist} or {@code polynomial}
     * @param threads intra-op and BLAS threads
     * @return a running server (close it)
     * @throws IOException if Python cannot be started
     */
    static TorchBench serve(Path python, Path home, String task, SpeedRounds.TorchThreads threads) throws IOException {
        List<String> command = new ArrayList<>(base(python, home, task, threads));
        command.add("--serve");
        return new TorchBench(command, threads);
    }

    /**
     * @param regularizer a regularizer of the task's suite (its network is built on first use)
     * @param seconds     length of the block, s (> 0)
     * @return examples/s over the block
     * @throws IOException if the process died or answered nonsense
     */
    double block(String regularizer, double seconds) throws IOException {
        requests.write(regularizer + " " + seconds + "\n");
        requests.flush();
        String line = answers.readLine();
        JsonNode answer = line == null ? null : JSON.readTree(line);
        if (answer == null || !answer.has("examplesPerSecond")) {
            throw new IOException("PyTorch benchmark stopped answering (" + (line == null ? "exited" : line) + "): "
                    + String.join(" ", command));
        }
        return answer.get("examplesPerSecond").asDouble();
    }

    private static List<String> base(Path python, Path home, String task, SpeedRounds.TorchThreads threads) {
        return List.of(python.toString(), home.resolve("scripts/pytorch-reference.py").toString(), "bench",
                "--task", task, "--threads", String.valueOf(threads.intraOp()));
    }

    /** Ends the process (closes its input; kills it if it does not exit within 10 s). */
    @Override
    public void close() throws IOException {
        try {
            requests.close();
        } catch (IOException ignored) {
            // the process is gone already
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
