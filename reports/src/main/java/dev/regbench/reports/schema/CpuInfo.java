package dev.regbench.reports.schema;

import java.util.List;
import java.util.Locale;

/**
 * The processor a result was computed on, as Linux describes it ({@code /proc/cpuinfo}, cache sizes from
 * {@code /sys/devices/system/cpu/cpu0/cache}). Virtual machines often shorten the model name to e.g.
 * {@code AMD EPYC}; family, model and stepping still tell the generations apart (AMD family 25 is Zen 3 and
 * Zen 4: model 1 is a Zen 3 EPYC, model 17 a Zen 4 EPYC). Figures measured on two different CPUs are never
 * comparable: compare {@link #label()}s first.
 *
 * @param vendor         {@code vendor_id}, e.g. {@code AuthenticAMD}; {@code unknown} if unreadable
 * @param family         {@code cpu family}, decimal; null if unknown
 * @param model          {@code model}, decimal; null if unknown
 * @param stepping       {@code stepping}; null if unknown
 * @param modelName      {@code model name}; {@code unknown} if unreadable
 * @param mhz            the first CPU's clock as the kernel reported it when the result started, MHz (a snapshot:
 *                       it moves with load and boost); null if unknown
 * @param logicalCores   logical CPUs listed, ≥ 1
 * @param physicalCores  distinct (physical id, core id) pairs; null if the kernel does not list them
 * @param threadsPerCore logical per physical core (2 with SMT); null if unknown
 * @param flags          the instruction-set extensions that decide which kernels run, in this order, those
 *                       present: {@value #FLAG_ORDER}
 * @param l1dKib         L1 data cache per core, KiB; null if unknown
 * @param l1iKib         L1 instruction cache per core, KiB; null if unknown
 * @param l2Kib          L2 cache per core, KiB; null if unknown
 * @param l3Kib          L3 cache of the first CPU's cache instance, KiB; null if unknown
 */
public record CpuInfo(String vendor, Integer family, Integer model, Integer stepping, String modelName, Double mhz,
                      int logicalCores, Integer physicalCores, Integer threadsPerCore, List<String> flags,
                      Integer l1dKib, Integer l1iKib, Integer l2Kib, Integer l3Kib) {
    /** The flags recorded, in order, separated by spaces. */
    public static final String FLAG_ORDER = "sse4_2 avx avx2 fma avx512f avx512bw avx512vl avx512_bf16 "
            + "avx512_vnni amx_tile amx_bf16 amx_int8";

    /** Copies the flags. */
    public CpuInfo {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** @return whether the CPU has AVX-512 (foundation) */
    public boolean avx512() {
        return flags.contains("avx512f");
    }

    /**
     * @return the widest vector extension for FP32 FMA: {@code AVX-512}, {@code AVX2}, {@code AVX} or {@code SSE}
     */
    public String widestVector() {
        if (avx512()) {
            return "AVX-512";
        }
        if (flags.contains("avx2") && flags.contains("fma")) {
            return "AVX2";
        }
        return flags.contains("avx") ? "AVX" : "SSE";
    }

    /**
     * @return what tells machines apart, in one line, e.g. {@code AMD EPYC (AuthenticAMD family 25 model 17
     *         stepping 1), AVX-512, 2 cores x 1 thread, 2596 MHz, L2 1024 KiB, L3 32768 KiB}
     */
    public String label() {
        StringBuilder b = new StringBuilder(modelName);
        if (family != null) {
            b.append(String.format(Locale.ROOT, " (%s family %d model %d stepping %s)", vendor, family, model,
                    stepping == null ? "?" : stepping.toString()));
        }
        b.append(", ").append(widestVector());
        if (physicalCores != null) {
            b.append(String.format(Locale.ROOT, ", %d cores x %d thread%s", physicalCores, threadsPerCore,
                    threadsPerCore == 1 ? "" : "s"));
        } else {
            b.append(", ").append(logicalCores).append(" logical cores");
        }
        if (mhz != null) {
            b.append(String.format(Locale.ROOT, ", %.0f MHz", mhz));
        }
        if (l2Kib != null) {
            b.append(", L2 ").append(l2Kib).append(" KiB");
        }
        if (l3Kib != null) {
            b.append(", L3 ").append(l3Kib).append(" KiB");
        }
        return b.toString();
    }
}
