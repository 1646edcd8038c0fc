package dev.regbench.reports.render;

import dev.regbench.reports.stats.Summary;
import java.util.Locale;

/** Number formatting for reports: locale-independent, a precision that suits the magnitude. */
public final class Fmt {
    private Fmt() {
    }

    /** @return {@code x} with 4 significant digits (3 decimals at least for values below 1), or {@code –} for NaN */
    public static String num(double x) {
        if (Double.isNaN(x)) {
            return "–";
        }
        double a = Math.abs(x);
        if (a < 1e-12) { // zero up to float rounding (e.g. the difference of two equal means)
            return "0";
        }
        if (a >= 1e6 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", x);
    }

    /**
     * @return {@code mean ± half-width} of the 95 % CI, the half-width to 2 significant digits and the mean to
     *         the same decimals (e.g. {@code 0.192 ± 0.024}); the mean alone with one value; {@code –} with none
     */
    public static String meanCi(Summary s) {
        if (s.n() == 0) {
            return "–";
        }
        double half = s.ciHalfWidth();
        if (Double.isNaN(half) || Double.isInfinite(half) || Math.abs(s.mean()) >= 1e6 || half >= 1e6) {
            return Double.isNaN(half) ? num(s.mean()) : num(s.mean()) + " ± " + num(half);
        }
        int decimals = half == 0 ? 4 : Math.min(8, Math.max(0, 1 - (int) Math.floor(Math.log10(half))));
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f, s.mean()) + " ± " + String.format(Locale.ROOT, f, half);
    }

    /** @return a p-value for humans: {@code <0.001}, or 3 significant digits, or {@code –} */
    public static String p(double p) {
        if (Double.isNaN(p)) {
            return "–";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** @return a signed relative change in percent, e.g. {@code −47 %} */
    public static String relative(double value, double baseline) {
        if (Double.isNaN(value) || Double.isNaN(baseline) || baseline == 0) {
            return "–";
        }
        double percent = 100 * (value - baseline) / Math.abs(baseline);
        return String.format(Locale.ROOT, Math.abs(percent) < 9.95 ? "%+.1f %%" : "%+.0f %%", percent).replace('-', '−');
    }

    /** @return {@code x} with an explicit sign ({@code +0.12}, {@code −0.12}), or {@code –} for NaN */
    public static String signed(double x) {
        if (Double.isNaN(x)) {
            return "–";
        }
        return (x > 0 ? "+" : "") + num(x);
    }

    /** @return a value without trailing zeros, e.g. {@code 0.0005} or {@code 1E-7} */
    public static String compact(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString().length() <= 10
                ? java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString()
                : String.format(Locale.ROOT, "%.4g", x);
    }

    /**
     * @param edges swept parameters chosen at the end of their grids
     * @return e.g. {@code lambda = 0.001 (largest of 3), hiddenRetain = 0.9 (smallest of 2)}, values in
     *         {@link #compact}'s format, as the chosen settings beside them are
     */
    public static String edges(java.util.List<dev.regbench.reports.select.PointChoice.Edge> edges) {
        return edges.stream().map(e -> e.parameter() + " = " + compact(e.value()) + " ("
                + (e.smallest() ? "smallest" : "largest") + " of " + e.gridSize() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * @param r a regularizer as recorded
     * @return its settings for humans, e.g. {@code keep input 0.8, keep hidden 0.5, λ = 0.0005}, or its kind
     */
    public static String settings(dev.regbench.reports.schema.RegularizerInfo r) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        r.parameters().forEach((key, value) -> parts.add(parameterLabel(key) + " " + compact(value)));
        if (r.penalizeBiases()) {
            parts.add("biases penalized");
        }
        return parts.isEmpty() ? r.kind() : String.join(", ", parts);
    }

    /**
     * @param r     a regularizer as recorded
     * @param point the grid point its runs trained at (may hold training axes: learning rate, momentum)
     * @return {@link #settings(dev.regbench.reports.schema.RegularizerInfo)} followed by the point's training-axis
     *         values, e.g. {@code λ = 0.001, learningRate = 0.002} (just {@code learningRate = 0.001} for none)
     */
    public static String settings(dev.regbench.reports.schema.RegularizerInfo r, java.util.Map<String, Double> point) {
        java.util.List<String> training = new java.util.ArrayList<>();
        point.forEach((key, value) -> {
            if (!r.parameters().containsKey(key)) {
                training.add(parameterLabel(key) + " " + compact(value));
            }
        });
        String own = settings(r);
        if (training.isEmpty()) {
            return own;
        }
        // A regularizer without settings (none) is named by its training axes alone.
        return (own.equals(r.kind()) ? "" : own + ", ") + String.join(", ", training);
    }

    /**
     * @param key a regularizer parameter as suite files key it
     * @return its name for humans: {@code λ =}, {@code L1 λ =}, {@code keep hidden}, {@code max-norm c =}, …
     */
    public static String parameterLabel(String key) {
        return switch (key) {
            case "lambda" -> "λ =";
            case "l1" -> "L1 λ =";
            case "l2" -> "L2 λ =";
            case "weightDecay" -> "decay λ =";
            case "maxNorm" -> "max-norm c =";
            case "inputRetain" -> "keep input";
            case "hiddenRetain" -> "keep hidden";
            case "learningRate" -> "learning rate";
            default -> key + " =";
        };
    }

    /** @return full precision for machine-readable files ({@code Double.toString}), empty for NaN */
    public static String raw(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? "" : Double.toString(x);
    }
}
