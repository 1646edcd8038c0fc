package dev.regbench.reports.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * How two rankings of the same items agree: Kendall's τ-b (ties in either ranking handled as in Kendall 1945 and
 * SciPy's {@code kendalltau}) and the pairs the two order differently. Used to set regbench's order of
 * regularizers beside a paper's.
 *
 * @param tau     Kendall's τ-b in [−1, 1]: 1 for the same order, −1 for the reverse; NaN with fewer than 2 items
 *                or a ranking without any untied pair
 * @param pairs   the number of item pairs, n(n − 1)/2
 * @param swapped the pairs ordered one way by the first ranking and the other way by the second, each as
 *                {@code "a < b"} in the first ranking's order
 */
public record Ordering(double tau, int pairs, List<String> swapped) {

    /**
     * @param names the items
     * @param a     the first ranking's values (lower ranks first), one per item
     * @param b     the second ranking's values, one per item
     * @return their agreement
     */
    public static Ordering of(List<String> names, double[] a, double[] b) {
        int n = names.size();
        long concordant = 0;
        long discordant = 0;
        long tiesA = 0;
        long tiesB = 0;
        List<String> swapped = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double da = Math.signum(a[i] - a[j]);
                double db = Math.signum(b[i] - b[j]);
                if (da == 0 && db == 0) {
                    continue;
                }
                if (da == 0) {
                    tiesA++;
                } else if (db == 0) {
                    tiesB++;
                } else if (da == db) {
                    concordant++;
                } else {
                    discordant++;
                    swapped.add(da < 0 ? names.get(i) + " < " + names.get(j) : names.get(j) + " < " + names.get(i));
                }
            }
        }
        double denominator = Math.sqrt((double) (concordant + discordant + tiesA)
                * (concordant + discordant + tiesB));
        double tau = denominator == 0 ? Double.NaN : (concordant - discordant) / denominator;
        return new Ordering(tau, n * (n - 1) / 2, swapped);
    }
}
