package dev.regbench.suites.tuned;

import java.util.Optional;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * libnd4j's CPU random generator ({@code sd::graph::RandomGenerator} of ND4J 1.0.0-M2.1), reproduced in Java.
 * The generator is counter-based: the i-th number of a draw is a pure function of the two 64-bit states and i,
 * so a Java kernel can produce any element of a draw, in any order, bit for bit as libnd4j's random ops do —
 * {@code UniformDistribution(0, 1)} gives element i (row-major) the float {@link #uniform(long) uniform(i)} —
 * and after a draw of n numbers libnd4j moves its node state on by {@link #afterDraw(long) afterDraw(n)}
 * (both tested against libnd4j's op and generator).
 * <p>
 * The root state is the seed and never changes; only the low 32 bits of either state enter a number.
 *
 * @param root the graph-level state (libnd4j's {@code rootState()}, the seed)
 * @param node the node-level state (libnd4j's {@code nodeState()}), moved on after every draw
 */
record LibNd4jUniforms(long root, long node) {
    private static final String CPU_RANDOM = "org.nd4j.linalg.cpu.nativecpu.rng.CpuNativeRandom";

    /**
     * @return ND4J's default generator's state now, if it is libnd4j's CPU generator (the CUDA backend's
     *         is another) and {@link Random#setStates} can store any state that follows it (libnd4j replaces
     *         a zero root state by the clock)
     */
    static Optional<LibNd4jUniforms> current() {
        Random rng = Nd4j.getRandom();
        if (!rng.getClass().getName().equals(CPU_RANDOM) || rng.rootState() == 0) {
            return Optional.empty();
        }
        return Optional.of(new LibNd4jUniforms(rng.rootState(), rng.nodeState()));
    }

    /**
     * @param index the number's position in its draw (row-major element index), ≥ 0
     * @return libnd4j's {@code xoroshiro32(index)}: 32 random bits
     */
    int bits(long index) {
        return bits((int) root, (int) node, (int) index);
    }

    /**
     * The 32-bit core of {@link #bits(long)}, on the low halves of the states and the index (only they reach
     * the result: the high halves of libnd4j's 64-bit products and sums never carry into the low ones).
     */
    static int bits(int root, int node, int index) {
        int i = index + 2;
        int s0 = root | i * (node + 24243287);
        int s1 = node ^ i * (s0 + 723829);
        return Integer.rotateLeft((s1 ^ s0) * 0x9E3779BB, 5) * 5;
    }

    /**
     * @param bits {@link #bits(long)} of an element
     * @return libnd4j's float uniform in [0, 1) from them: the top 23 bits as the mantissa of a number in [1, 2),
     *         minus 1 (exact)
     */
    static float toUniform(int bits) {
        return Float.intBitsToFloat(0x3f800000 | bits >>> 9) - 1f;
    }

    /** @return the {@code index}-th uniform of a draw, as libnd4j's {@code UniformDistribution(0, 1)} */
    float uniform(long index) {
        return toUniform(bits(index));
    }

    /**
     * @param count numbers the draw took (the array's length), ≥ 0
     * @return the state libnd4j's random ops leave behind (its {@code rewindH(count)}); the root is unchanged
     */
    LibNd4jUniforms afterDraw(long count) {
        int s0 = (int) node;
        int s1 = (int) (node >>> 32) ^ s0;
        int low = Integer.rotateLeft(s0, 26) ^ s1 ^ s1 << 9;
        int high = Integer.rotateLeft(s1, 13);
        long next = (low & 0xffffffffL) | (long) high << 32;
        return new LibNd4jUniforms(root, next ^ (count ^ 0xdeadbeefL));
    }

    /** @return whether {@link #store()} can keep this state: libnd4j replaces a zero node state by a constant */
    boolean storable() {
        return node != 0;
    }

    /**
     * Stores this state in ND4J's default generator, as libnd4j's op would have left it.
     *
     * @throws IllegalStateException if not {@link #storable()}
     */
    void store() {
        if (!storable()) {
            throw new IllegalStateException("libnd4j cannot hold a zero node state");
        }
        Nd4j.getRandom().setStates(root, node);
    }
}
