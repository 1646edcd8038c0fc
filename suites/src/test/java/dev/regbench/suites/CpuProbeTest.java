package dev.regbench.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.reports.schema.CpuInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CPU provenance tells the build machines apart, read from a real /proc/cpuinfo and a sysfs cache tree. */
class CpuProbeTest {
    private static String zen4() throws Exception {
        return Files.readString(Path.of(CpuProbeTest.class.getResource("/cpuinfo/amd-epyc-family25-model17.txt")
                .toURI()));
    }

    @Test
    void readsFamilyModelSteppingCoresFlagsAndCachesOfARealZen4Epyc(@TempDir Path sysfs) throws Exception {
        // The sysfs layout of that machine's cpu0 (index0..3: L1d, L1i, L2, L3), as the kernel writes it.
        String[][] caches = {{"1", "Data", "32K"}, {"1", "Instruction", "32K"}, {"2", "Unified", "1024K"},
                {"3", "Unified", "32768K"}};
        for (int i = 0; i < caches.length; i++) {
            Path index = Files.createDirectories(sysfs.resolve("index" + i));
            Files.writeString(index.resolve("level"), caches[i][0] + "\n");
            Files.writeString(index.resolve("type"), caches[i][1] + "\n");
            Files.writeString(index.resolve("size"), caches[i][2] + "\n");
        }
        CpuInfo cpu = CpuProbe.parse(zen4(), CpuProbe.caches(sysfs), 99);
        assertEquals("AuthenticAMD", cpu.vendor());
        assertEquals(25, cpu.family());
        assertEquals(17, cpu.model());
        assertEquals(1, cpu.stepping());
        assertEquals("AMD EPYC", cpu.modelName());
        assertEquals(2596.138, cpu.mhz(), 1e-9);
        assertEquals(2, cpu.logicalCores(), "two processor blocks, not the fallback");
        assertEquals(2, cpu.physicalCores());
        assertEquals(1, cpu.threadsPerCore());
        assertEquals(List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512_bf16",
                "avx512_vnni"), cpu.flags(), "in the documented order; no AMX on this CPU");
        assertEquals("AVX-512", cpu.widestVector());
        assertEquals(32, cpu.l1dKib());
        assertEquals(32, cpu.l1iKib());
        assertEquals(1024, cpu.l2Kib());
        assertEquals(32768, cpu.l3Kib());
        assertEquals("AMD EPYC (AuthenticAMD family 25 model 17 stepping 1), AVX-512, 2 cores x 1 thread, "
                + "2596 MHz, L2 1024 KiB, L3 32768 KiB", cpu.label());
    }

    @Test
    void anAvx2OnlyZen3WithTheSameModelNameGetsAnotherLabel() throws Exception {
        // The other build machine reports the same "AMD EPYC" name: model 1 and no AVX-512 flags.
        String zen3 = zen4().replaceAll("(?m)^model\\t\\t: 17$", "model\t\t: 1")
                .replaceAll(" avx512\\w*", "");
        CpuInfo a = CpuProbe.parse(zen4(), List.of(), 2);
        CpuInfo b = CpuProbe.parse(zen3, List.of(), 2);
        assertEquals(a.modelName(), b.modelName());
        assertEquals(1, b.model());
        assertEquals("AVX2", b.widestVector());
        assertFalse(b.avx512());
        assertNotEquals(a.label(), b.label());
    }

    @Test
    void unknownWhereLinuxSaysNothing() {
        CpuInfo cpu = CpuProbe.parse("", List.of(), 8);
        assertEquals("unknown", cpu.vendor());
        assertNull(cpu.family());
        assertNull(cpu.physicalCores());
        assertEquals(8, cpu.logicalCores());
        assertEquals("SSE", cpu.widestVector());
        assertTrue(cpu.label().startsWith("unknown, SSE, 8 logical cores"), cpu.label());
    }

    @Test
    void sysfsSizes() {
        assertEquals(32, CpuProbe.kib("32K"));
        assertEquals(1024, CpuProbe.kib("1M"));
        assertNull(CpuProbe.kib("lots"));
        assertNull(CpuProbe.kib(null));
    }

    @Test
    void thisMachinesEnvironmentCarriesItsCpu() {
        CpuInfo cpu = EnvironmentProbe.current().cpu();
        assertEquals(Runtime.getRuntime().availableProcessors(), cpu.logicalCores());
        assertFalse(cpu.vendor().isEmpty());
    }
}
