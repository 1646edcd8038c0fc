package dev.regbench.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/regbench starts the JVM with JvmOptions' list, and refuses a Java older than 17 in one line. */
class JvmOptionsTest {
    private static final Path LAUNCHER = Path.of(System.getProperty("regbench.home", "."), "scripts", "regbench");

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome launch(String javaHome) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", LAUNCHER.toString(), "--version");
        pb.environment().put("JAVA_HOME", javaHome);
        pb.environment().put("REGBENCH_PRINT_JVM_OPTIONS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Outcome(p.exitValue(), out, err);
    }

    @Test
    void theLauncherPassesTheSameOptionsAsJvmOptionsForThisJava() throws Exception {
        Outcome o = launch(System.getProperty("java.home"));
        assertEquals(0, o.code(), o.err());
        assertEquals(JvmOptions.forThisJava(), List.of(o.out().strip().split("\n")));
    }

    @Test
    void optionsFollowTheJavaVersion() {
        assertEquals(List.of("--add-modules=jdk.incubator.vector,jdk.incubator.foreign",
                "--enable-native-access=ALL-UNNAMED"), JvmOptions.forJava(17));
        assertEquals(List.of("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"),
                JvmOptions.forJava(21));
        assertEquals(List.of("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow"), JvmOptions.forJava(25));
    }

    @Test
    void aJavaOlderThan17IsRefusedInOneLineNamingTheFix(@TempDir Path dir) throws Exception {
        for (String version : List.of("11.0.22", "1.8.0_402")) {
            Path bin = Files.createDirectories(dir.resolve(version).resolve("bin"));
            Path java = bin.resolve("java");
            Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2024-01-16' >&2\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
            Outcome o = launch(dir.resolve(version).toString());
            assertEquals(1, o.code(), version);
            assertEquals("", o.out(), version);
            List<String> lines = o.err().strip().lines().toList();
            assertEquals(1, lines.size(), o.err());
            assertTrue(lines.get(0).startsWith("regbench: needs Java 17 or newer, found " + version + " at "),
                    lines.get(0));
            assertTrue(lines.get(0).endsWith("set JAVA_HOME to a JDK 17-25"), lines.get(0));
        }
    }
}
