package dev.regbench.suites.network;

import dev.regbench.reports.schema.CpuInfo;
import dev.regbench.suites.CpuProbe;
import java.util.Locale;

/**
 * How a tuned dense layer computes its input gradient ∂x<sup>T</sup> = W·δ<sup>T</sup> ({@link DenseProducts}).
 * DL4J's weights are column-major, so oneDNN's matmul gets its source operand W column-major ("ba"). oneDNN
 * 2.3 (ND4J 1.0.0-M2.1's) runs that as fast as a row-major source with its AVX-512 kernels, but its AVX2
 * kernels take about twice as long: 4.6 ms against 2.2–2.6 ms for the MNIST MLP's 1024×1024×128 product
 * (medians of 28 × 40 products, AMD EPYC family 25 model 17 with oneDNN capped at AVX2). So where oneDNN runs
 * AVX2 kernels, a wide layer takes a detour: ∂x = δ·W<sup>T</sup> computed as a row-major batch × inputs array
 * (W then row-major as oneDNN's weights, δ read as it is) and copied back to the column-major layout the layer
 * below reads: 2.9 ms in all against 4.6. With AVX-512 kernels the one product is faster (2.4 against 2.5 ms),
 * so the detour is not taken there. The choice depends only on the machine, the environment and the layer's
 * shape, never on timings, so a run's numbers do not depend on a measurement.
 */
enum InputGradientForm {
    /** One product, W column-major as oneDNN's source: for AVX-512 kernels. */
    TRANSPOSED_PRODUCT,
    /** A product into a row-major ∂x and a transposing copy back, for wide layers: for AVX2 kernels. */
    ROW_MAJOR_DETOUR;

    /**
     * Fewest outputs for which {@link #ROW_MAJOR_DETOUR} detours. The copy back costs the same whatever the
     * outputs (0.21 ms for 128 × 1024 inputs), the product's saving shrinks with them (2.4 ms at 1,024 outputs,
     * in proportion below): break-even near 90 outputs. The MNIST MLP's output layer (10 outputs) kept the one
     * product: 0.11 against 0.35 ms with the detour (AVX2-capped, as above).
     */
    static final int DETOUR_MIN_OUTPUTS = 128;

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
     * @param outputs the layer's outputs (W's columns)
     * @return whether a layer of that width takes the detour in this form
     */
    boolean detours(long outputs) {
        return this == ROW_MAJOR_DETOUR && outputs >= DETOUR_MIN_OUTPUTS;
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
