package dev.regbench.suites.network;

import dev.regbench.reports.schema.CpuInfo;
import dev.regbench.suites.CpuProbe;
import java.util.Locale;

/**
 * How a tuned dense layer computes its input gradient ∂x<sup>T</sup> = W·δ<sup>T</sup> ({@link DenseProducts}).
 * DL4J's weights are column-major, so oneDNN's matmul gets its source operand W column-major ("ba"). oneDNN
 * 2.3 (ND4J 1.0.0-M2.1's) runs that as fast as a row-major source with its AVX-512 kernels, but its AVX2
 * kernels take 2–3× longer: 3.6–7.8 ms against 1.5–2.3 ms for the MNIST MLP's 1024×1024×128 product
 * ({@code ONEDNN_VERBOSE} exec times, AMD EPYC family 25 model 17 with oneDNN capped at AVX2). So where oneDNN
 * runs AVX2 kernels, the layer takes a detour: δ copied to row-major, ∂x = δ·W<sup>T</sup> computed with every
 * operand row-major, and the result copied back to the column-major layout the layer below reads: 1.5× faster
 * there (97–108 against 65–67 GFLOP/s), slower with AVX-512 (101–130 against 141–144). The choice depends only
 * on the machine and the environment, never on timings, so a run's numbers do not depend on a measurement.
 */
enum InputGradientForm {
    /** One product, W column-major as oneDNN's source: for AVX-512 kernels. */
    TRANSPOSED_PRODUCT,
    /** Two 128×n transposing copies around an all-row-major product: for AVX2 kernels. */
    ROW_MAJOR_DETOUR;

    private static final InputGradientForm HERE = choose(CpuProbe.current(),
            System.getenv("ONEDNN_MAX_CPU_ISA") != null ? System.getenv("ONEDNN_MAX_CPU_ISA")
                    : System.getenv("DNNL_MAX_CPU_ISA"));

    private static volatile InputGradientForm override;

    /** @return the form for this machine and environment (decided once), unless a test {@link #override}s it */
    static InputGradientForm forThisMachine() {
        InputGradientForm forced = override;
        return forced != null ? forced : HERE;
    }

    /**
     * For tests: layers built from now on use {@code form} (both forms must train alike on any machine).
     *
     * @param form the form, or {@code null} for this machine's again
     */
    static void override(InputGradientForm form) {
        override = form;
    }

    /**
     * @param cpu    the CPU
     * @param isaCap oneDNN's ISA cap ({@code ONEDNN_MAX_CPU_ISA} or {@code DNNL_MAX_CPU_ISA}), or {@code null}
     * @return {@link #TRANSPOSED_PRODUCT} if oneDNN will run AVX-512 kernels (the CPU has AVX-512 and no cap
     *         below it is set), otherwise {@link #ROW_MAJOR_DETOUR}
     */
    static InputGradientForm choose(CpuInfo cpu, String isaCap) {
        String cap = isaCap == null ? "" : isaCap.trim().toUpperCase(Locale.ROOT);
        boolean capAllows512 = cap.isEmpty() || cap.equals("ALL") || cap.startsWith("AVX512_CORE")
                || cap.startsWith("AVX10");
        return cpu.avx512() && capAllows512 ? TRANSPOSED_PRODUCT : ROW_MAJOR_DETOUR;
    }
}
