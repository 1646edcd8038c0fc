package dev.regbench.suites.suite;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The values a suite parameter takes: one value, or a sweep — an explicit list, or a range of evenly spaced
 * points on a logarithmic ({@code {logspace: [a, b], points: n}}) or linear ({@code {linspace: [a, b], points:
 * n}}) scale, both ends included.
 *
 * A range may carry {@code extendAtEdge: N}: when the tuning stage chooses a value at either end of it, the grid is
 * extended by one more step beyond that end (a factor of the range's ratio, or its step), on the tuning seeds only,
 * up to N times ({@link #extendedPast}).
 *
 * @param values    the values, in the order written (ranges: from {@code a} to {@code b}, then any extensions);
 *                  non-empty and distinct to {@link #SIGNIFICANT_DIGITS} significant digits
 * @param written   how the suite wrote it, for messages and the report (e.g. {@code logspace 1e-6 … 1e-2, 9 points})
 * @param extension how a range extends past its ends, or null (a list, a single value, or no {@code extendAtEdge})
 */
public record Sweep(List<Double> values, String written, Extension extension) {
    /**
     * How a range grows past the value chosen at one of its ends.
     *
     * @param logarithmic whether a step multiplies (logspace) or adds (linspace)
     * @param step        the range's ratio between neighbours (&gt; 1) or its step (&gt; 0)
     * @param limit       extensions allowed in all, ≥ 1 ({@code extendAtEdge})
     * @param used        extensions made so far, in [0, limit]
     */
    public record Extension(boolean logarithmic, double step, int limit, int used) implements java.io.Serializable {
    }

    /** A sweep that does not extend. */
    public Sweep(List<Double> values, String written) {
        this(values, written, null);
    }

    /**
     * @param maxSteps {@code extendAtEdge}, ≥ 1
     * @return this range, extendable past its ends up to {@code maxSteps} times
     * @throws IllegalArgumentException if this is not a range of 2+ points
     */
    public Sweep extendable(int maxSteps) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("extendAtEdge must be >= 1, was " + maxSteps);
        }
        if (!written.startsWith("logspace") && !written.startsWith("linspace")) {
            throw new IllegalArgumentException("extendAtEdge is for ranges ({logspace: ...} or {linspace: ...})");
        }
        double lo = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        boolean log = written.startsWith("logspace");
        double step = log ? Math.pow(hi / lo, 1.0 / (values.size() - 1)) : (hi - lo) / (values.size() - 1);
        return new Sweep(values, written + ", extendable " + maxSteps + " time" + (maxSteps == 1 ? "" : "s")
                + " at its edges", new Extension(log, step, maxSteps, 0));
    }

    /**
     * @param chosen the value chosen on validation
     * @return this sweep with one more value beyond {@code chosen}, if {@code chosen} is its smallest or largest value
     *         and extensions remain; empty otherwise
     */
    public java.util.Optional<Sweep> extendedPast(double chosen) {
        if (extension == null || extension.used() >= extension.limit() || values.size() < 2) {
            return java.util.Optional.empty();
        }
        double lo = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        if (chosen != lo && chosen != hi) {
            return java.util.Optional.empty();
        }
        boolean up = chosen == hi;
        double next = extension.logarithmic() ? (up ? hi * extension.step() : lo / extension.step())
                : (up ? hi + extension.step() : lo - extension.step());
        List<Double> more = new ArrayList<>(values);
        more.add(next);
        return java.util.Optional.of(new Sweep(more, written, new Extension(extension.logarithmic(), extension.step(),
                extension.limit(), extension.used() + 1)));
    }
    /** Significant digits of the values in file names and tables; points closer than that are duplicates. */
    public static final int SIGNIFICANT_DIGITS = 4;

    /** Validates the list. */
    public Sweep {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an empty list has no value to run (give at least one)");
        }
        Set<String> seen = new HashSet<>();
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("values must be finite numbers, found " + v);
            }
            if (!seen.add(format(v))) {
                throw new IllegalArgumentException("duplicate point " + format(v) + " (points must differ in their first "
                        + SIGNIFICANT_DIGITS + " significant digits)");
            }
        }
    }

    /** @return a single, fixed value */
    public static Sweep of(double value) {
        return new Sweep(List.of(value), format(value));
    }

    /** @return an explicit list of values */
    public static Sweep list(List<Double> values) {
        return new Sweep(values, "[" + String.join(", ", values.stream().map(Sweep::format).toList()) + "]");
    }

    /**
     * @param from   first value, &gt; 0
     * @param to     last value, &gt; 0, ≠ from
     * @param points number of values, ≥ 2
     * @return {@code points} values evenly spaced in log10 from {@code from} to {@code to}, both included
     */
    public static Sweep logspace(double from, double to, int points) {
        if (!(from > 0) || !(to > 0)) {
            throw new IllegalArgumentException("logspace bounds must be > 0 (a logarithmic scale has no 0), were "
                    + format(from) + " and " + format(to));
        }
        requireRange(from, to, points);
        double a = Math.log10(from);
        double b = Math.log10(to);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            values.add(i == 0 ? from : i == points - 1 ? to : Math.pow(10, a + (b - a) * i / (points - 1)));
        }
        return new Sweep(values, "logspace " + format(from) + " … " + format(to) + ", " + points + " points");
    }

    /**
     * @param from   first value
     * @param to     last value, ≠ from
     * @param points number of values, ≥ 2
     * @return {@code points} evenly spaced values from {@code from} to {@code to}, both included
     */
    public static Sweep linspace(double from, double to, int points) {
        requireRange(from, to, points);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            values.add(i == 0 ? from : i == points - 1 ? to : from + (to - from) * i / (points - 1));
        }
        return new Sweep(values, "linspace " + format(from) + " … " + format(to) + ", " + points + " points");
    }

    private static void requireRange(double from, double to, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("a range needs points >= 2, was " + points
                    + " (for one value, write the value itself)");
        }
        if (from == to) {
            throw new IllegalArgumentException("a range needs two different bounds, both were " + format(from));
        }
    }

    /** @return whether this parameter takes more than one value (and so names files and makes a path) */
    public boolean swept() {
        return values.size() > 1;
    }

    /** @return the middle value (a representative setting, e.g. for throughput benchmarks) */
    public double middle() {
        return values.get(values.size() / 2);
    }

    /**
     * @param v a value
     * @return it with at most {@link #SIGNIFICANT_DIGITS} significant digits, shortest form, locale-independent:
     *         {@code 1e-4}, {@code 3.162e-5}, {@code 0.05}, {@code 0.5}, {@code 10000}
     */
    public static String format(double v) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(SIGNIFICANT_DIGITS)).stripTrailingZeros();
        double a = Math.abs(d.doubleValue());
        if (a >= 1e-3 && a < 1e6) {
            return d.toPlainString();
        }
        int exponent = d.precision() - d.scale() - 1;
        BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }

    @Override
    public String toString() {
        return written;
    }

    /** @return the values for humans, e.g. {@code 1e-6, 1e-5, 1e-4} */
    public String valuesText() {
        return String.join(", ", values.stream().map(Sweep::format).toList());
    }
}
