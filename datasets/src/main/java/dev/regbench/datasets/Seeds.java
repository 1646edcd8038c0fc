package dev.regbench.datasets;

/** Derivation of independent-looking 64-bit seeds from one root seed (SplitMix64's finalizer). */
public final class Seeds {
    private Seeds() {
    }

    /**
     * @param root a root seed
     * @param salt what the derived seed is for (a fixed constant per purpose)
     * @return a well-mixed seed; different salts give unrelated streams even for adjacent roots
     */
    public static long derive(long root, long salt) {
        return mix(mix(root) ^ mix(salt ^ 0x9E3779B97F4A7C15L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
