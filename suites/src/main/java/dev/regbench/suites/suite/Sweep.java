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
 * @param values  the values, in the order written (ranges: from {@code a} to {@code b}); non-empty and
 *                distinct to {@link #SIGNIFICANT_DIGITS} significant digits
 * @param written how the suite wrote it, for messages and the report (e.g. {@code logspace 1e-6 … 1e-2, 9 points})
 */
public record Sweep(List<Double> values, String written) {
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
