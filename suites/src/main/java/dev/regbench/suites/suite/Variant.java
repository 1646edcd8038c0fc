package dev.regbench.suites.suite;

import dev.regbench.suites.network.Regularizer;

/**
 * One entry of a suite's {@code regularizers} list.
 *
 * @param name        the label, unique in the suite; used in file names ({@code <name>-seed<k>.json}), so
 *                    letters, digits, '.', '_' and '-' only
 * @param regularizer the regularizer
 */
public record Variant(String name, Regularizer regularizer) {
    /** Validates the name. */
    public Variant {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-' (it names files), was '"
                    + name + "'");
        }
    }
}
