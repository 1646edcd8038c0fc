package dev.regbench.reports.schema;

import java.util.Locale;

/**
 * Where a result was computed: hardware, native backend and software versions. Every result file embeds
 * one, so that numbers are compared knowing what produced them. Filled in by the suites module's
 * {@code EnvironmentProbe}.
 *
 * @param backend      the active ND4J backend: {@code CPU} or {@code CUDA} (or another name ND4J reports)
 * @param backendClass the ND4J backend implementation class
 * @param blasVendor   BLAS library ND4J uses ({@code OPENBLAS}, {@code MKL}, {@code CUBLAS}, …)
 * @param ompThreads   OpenMP threads of libnd4j, ≥ 1
 * @param blasThreads  BLAS threads, ≥ 1
 * @param dataType     ND4J's default floating-point type ({@code FLOAT} = float32)
 * @param cpuModel     CPU model name from {@code /proc/cpuinfo}, or {@code unknown}
 * @param cpuFlags     vector extensions the CPU reports (subset of avx, avx2, fma, avx512f)
 * @param cores        logical cores the JVM sees
 * @param maxHeapBytes JVM maximum heap, in bytes
 * @param jvm          JVM vendor, name and version
 * @param os           operating system name, version and architecture
 * @param dl4jVersion  Deeplearning4j version on the classpath
 * @param nd4jVersion  ND4J version on the classpath
 * @param gitCommit    commit of the regbench checkout ({@code -dirty} if it had local changes), or
 *                     {@code unknown}
 * @param nativeBuild  which build of ND4J's native library is loaded: JavaCPP platform plus extension, e.g.
 *                     {@code linux-x86_64-onednn} (libnd4j with oneDNN kernels); null in results written
 *                     before regbench recorded it
 * @param cpu          the processor in detail (vendor, family/model/stepping, clock, cores, ISA flags, caches):
 *                     what tells two build machines apart; null in results written before schema 2.3
 */
public record Environment(String backend, String backendClass, String blasVendor, int ompThreads, int blasThreads,
                          String dataType, String cpuModel, String cpuFlags, int cores, long maxHeapBytes,
                          String jvm, String os, String dl4jVersion, String nd4jVersion, String gitCommit,
                          String nativeBuild, CpuInfo cpu) {

    /** @return a few aligned lines for humans (CLI, log headers) */
    public String describe() {
        return String.format(Locale.ROOT,
                "backend      %s (%s), native build %s%nBLAS         %s, %d threads%nOpenMP       %d threads%ndata type    %s%n"
                        + "CPU          %s%nCPU flags    %s%nJVM          %s, max heap %d MiB%nOS           %s%n"
                        + "DL4J / ND4J  %s / %s%ncommit       %s",
                backend, backendClass, nativeBuild, blasVendor, blasThreads, ompThreads, dataType, cpuLabel(),
                cpu == null ? (cpuFlags.isEmpty() ? "no AVX" : cpuFlags) : String.join(" ", cpu.flags()), jvm,
                maxHeapBytes >> 20, os, dl4jVersion, nd4jVersion, gitCommit);
    }

    /**
     * @return the CPU in one line: {@link CpuInfo#label()}, or for results from before schema 2.3 the model
     *         name, logical cores and vector flags
     */
    public String cpuLabel() {
        return cpu != null ? cpu.label() : String.format(Locale.ROOT, "%s, %d logical cores, %s", cpuModel, cores,
                cpuFlags.isEmpty() ? "no AVX" : cpuFlags);
    }

    /** @return this environment without the CPU clock snapshot, which differs between processes on one machine */
    public Environment withoutClock() {
        if (cpu == null || cpu.mhz() == null) {
            return this;
        }
        CpuInfo c = new CpuInfo(cpu.vendor(), cpu.family(), cpu.model(), cpu.stepping(), cpu.modelName(), null,
                cpu.logicalCores(), cpu.physicalCores(), cpu.threadsPerCore(), cpu.flags(), cpu.l1dKib(),
                cpu.l1iKib(), cpu.l2Kib(), cpu.l3Kib());
        return new Environment(backend, backendClass, blasVendor, ompThreads, blasThreads, dataType, cpuModel,
                cpuFlags, cores, maxHeapBytes, jvm, os, dl4jVersion, nd4jVersion, gitCommit, nativeBuild, c);
    }

    /**
     * @param omp  OpenMP threads, ≥ 1
     * @param blas BLAS threads, ≥ 1
     * @return this environment with other thread counts (what runs started elsewhere with them will record)
     */
    public Environment withThreads(int omp, int blas) {
        return new Environment(backend, backendClass, blasVendor, omp, blas, dataType, cpuModel, cpuFlags, cores,
                maxHeapBytes, jvm, os, dl4jVersion, nd4jVersion, gitCommit, nativeBuild, cpu);
    }

    /** @return one short line, e.g. {@code CPU/OPENBLAS omp=2 blas=1 linux-x86_64-onednn} */
    public String brief() {
        return String.format(Locale.ROOT, "%s/%s omp=%d blas=%d%s", backend, blasVendor, ompThreads, blasThreads,
                nativeBuild == null ? "" : " " + nativeBuild);
    }
}
