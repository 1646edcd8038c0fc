package dev.regbench.datasets;

import java.nio.file.Path;

/**
 * The content of a validated IDX image file.
 *
 * @param source where it was read from
 * @param count  number of images, ≥ 0
 * @param rows   image height in pixels, ≥ 1
 * @param cols   image width in pixels, ≥ 1
 * @param pixels {@code count × rows × cols} unsigned bytes (0–255, stored in Java's signed {@code byte}),
 *               row-major, image after image; not copied, do not modify
 */
public record IdxImages(Path source, int count, int rows, int cols, byte[] pixels) implements IdxContent {
    /** @return pixels per image ({@code rows × cols}) */
    public int pixelsPerImage() {
        return rows * cols;
    }
}
