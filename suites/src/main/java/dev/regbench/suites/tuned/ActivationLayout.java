package dev.regbench.suites.tuned;

import dev.regbench.reports.schema.CpuInfo;
import dev.regbench.suites.CpuProbe;
import dev.regbench.suites.network.Accelerator;
import java.util.Locale;

/**
 * How the tuned dense layers lay out what they hand on — z, the activations and ∂L/∂x, all batch × features
 * arrays to DL4J — and so which form each of their products takes ({@link DenseProducts}). Chosen for the
 * kernels ND4J 1.0.0-M2.1's oneDNN (2.3) runs on this machine, because the two kernel families favour
 * opposite layouts (medians of 23 randomized rounds of 30 products at the MNIST MLP's shapes, batch 128, AMD
 * EPYC family 25 model 17, 2 OpenMP threads; "AVX2" = oneDNN capped with {@code DNNL_MAX_CPU_ISA=AVX2}):
 * <table>
 *   <caption>µs per product, second hidden layer (1024 × 1024)</caption>
 *   <tr><th>product</th><th>feature-major</th><th>batch-major</th></tr>
 *   <tr><td>forward, AVX-512</td><td>1,672</td><td>3,566</td></tr>
 *   <tr><td>forward, AVX2</td><td>2,169</td><td>2,261</td></tr>
 *   <tr><td>∂x, AVX-512</td><td>2,428 (one product)</td><td>1,876</td></tr>
 *   <tr><td>∂x, AVX2</td><td>4,600 (one product) or 3,339 (row-major product and a copy back)</td>
 *       <td>2,355</td></tr>
 *   <tr><td>∂W, either</td><td colspan="2">equal within 4 %</td></tr>
 * </table>
 * With AVX-512 kernels the forward product decides (it reads a batch-major x with a 4 KB stride); with AVX2
 * kernels ∂x does (oneDNN 2.3's AVX2 sgemm runs at half speed with DL4J's column-major W as its source, and a
 * batch-major δ avoids it with no copy). The choice depends only on the machine and the environment, never on
 * timings, so a run's numbers do not depend on a measurement; both layouts give the same results up to float
 * rounding (tested).
 */
public enum ActivationLayout {
    /**
     * Column-major batch × features arrays, the transposed views of row-major features × batch products
     * (z<sup>T</sup> = W<sup>T</sup>·x<sup>T</sup>, ∂x<sup>T</sup> = W·δ<sup>T</sup>): for AVX-512 kernels.
     */
    FEATURE_MAJOR,
    /** Row-major batch × features arrays (z = x·W, ∂x = δ·W<sup>T</sup>): for AVX2 kernels. */
    BATCH_MAJOR;

    private static final ActivationLayout HERE = choose(CpuProbe.current(),
            System.getenv("ONEDNN_MAX_CPU_ISA") != null ? System.getenv("ONEDNN_MAX_CPU_ISA")
                    : System.getenv("DNNL_MAX_CPU_ISA"));

    private static volatile ActivationLayout override;

    /** @return the layout for this machine and environment (decided once), unless {@link #override}n */
    public static ActivationLayout forThisMachine() {
        ActivationLayout forced = override;
        return forced != null ? forced : HERE;
    }

    /**
     * For tests and measurements (JMH {@code TrainStep -p layout=…}, {@code regbench compare-builds
     * --candidate-layout …}): layers built from now on use {@code layout}. Both layouts train alike on any
     * machine; only the speed differs.
     *
     * @param layout the layout, or {@code null} for this machine's again
     */
    public static void override(ActivationLayout layout) {
        override = layout;
    }

    /** @return the name on command lines: {@code feature-major} or {@code batch-major} */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param id {@code feature-major}, {@code batch-major}, or {@code machine} (this machine's choice)
     * @return the layout, or {@code null} for {@code machine}
     * @throws IllegalArgumentException naming the valid values
     */
    public static ActivationLayout of(String id) {
        if (Accelerator.MACHINE_LAYOUT.equals(id)) {
            return null;
        }
        for (ActivationLayout layout : values()) {
            if (layout.id().equals(id)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("unknown layout '" + id + "': use machine, feature-major or batch-major");
    }

    /**
     * @param cpu    the CPU
     * @param isaCap oneDNN's ISA cap ({@code ONEDNN_MAX_CPU_ISA} or {@code DNNL_MAX_CPU_ISA}), or {@code null}
     * @return {@link #FEATURE_MAJOR} if oneDNN will run AVX-512 kernels (the CPU has AVX-512 and no cap below
     *         it is set), otherwise {@link #BATCH_MAJOR}
     */
    static ActivationLayout choose(CpuInfo cpu, String isaCap) {
        String cap = isaCap == null ? "" : isaCap.trim().toUpperCase(Locale.ROOT);
        boolean capAllows512 = cap.isEmpty() || cap.equals("ALL") || cap.startsWith("AVX512_CORE")
                || cap.startsWith("AVX10");
        return cpu.avx512() && capAllows512 ? FEATURE_MAJOR : BATCH_MAJOR;
    }
}
