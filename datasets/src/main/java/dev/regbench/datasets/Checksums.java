package dev.regbench.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SHA-256 table of every known dataset file, keyed by path relative to the data directory
 * ({@code mnist/train-images-idx3-ubyte}). Hashes are of the <em>uncompressed</em> IDX bytes, so the raw
 * and any gzipped form of a file verify alike.
 *
 * <p>The table is the resource {@code checksums.sha256} beside this class, in {@code sha256sum} format;
 * {@code scripts/fetch-data.sh} reads the same file, so there is one table, not two.
 */
public final class Checksums {
    /** Classpath location of the table. */
    public static final String RESOURCE = "checksums.sha256";

    private static final Map<String, String> TABLE = load();

    private Checksums() {
    }

    /**
     * @param relativePath e.g. {@code mnist/train-images-idx3-ubyte}
     * @return the expected SHA-256 (lower-case hex) of the uncompressed file, if the file is known
     */
    public static Optional<String> expected(String relativePath) {
        return Optional.ofNullable(TABLE.get(relativePath));
    }

    /** @return the SHA-256 of {@code bytes} as 64 lower-case hex digits */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Map<String, String> load() {
        Map<String, String> table = new LinkedHashMap<>();
        try (InputStream in = Checksums.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the datasets jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 2);
                if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}")) {
                    throw new IllegalStateException(RESOURCE + ": malformed line: " + line);
                }
                table.put(parts[1], parts[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
