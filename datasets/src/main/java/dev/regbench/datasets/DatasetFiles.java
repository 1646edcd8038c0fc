package dev.regbench.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Verified access to the files of an {@link ImageDataset} in a {@link DataDirectory}: every read checks
 * the SHA-256 of the uncompressed bytes against {@link Checksums} and the IDX header against the file's
 * length before anything is returned.
 */
public final class DatasetFiles {
    private final DataDirectory directory;

    /** @param directory where the files are */
    public DatasetFiles(DataDirectory directory) {
        this.directory = directory;
    }

    /** @return the data directory */
    public DataDirectory directory() {
        return directory;
    }

    /** @return the verdict on every file of {@code dataset}, in {@link ImageDataset#files()} order */
    public List<FileCheck> check(ImageDataset dataset) {
        return dataset.files().stream().map(this::check).toList();
    }

    /** @return the verdict on one file; never throws for a user-caused problem */
    public FileCheck check(DataFile file) {
        Path path = directory.locate(file).orElse(null);
        if (path == null) {
            return new FileCheck.Missing(file, directory.rawPath(file));
        }
        try {
            parse(file, path, verifiedContent(file, path));
            return new FileCheck.Ok(file, path);
        } catch (DataFileException e) {
            return new FileCheck.Bad(file, e);
        }
    }

    /**
     * @param file an image file of a dataset
     * @return its verified content
     * @throws DataFileException if it is missing or bad, naming the file and the fix
     */
    public IdxImages readImages(DataFile file) throws DataFileException {
        requireKind(file, IdxKind.IMAGES);
        Path path = locateOrThrow(file);
        return (IdxImages) parse(file, path, verifiedContent(file, path));
    }

    /**
     * @param file a label file of a dataset
     * @return its verified content
     * @throws DataFileException if it is missing or bad, naming the file and the fix
     */
    public IdxLabels readLabels(DataFile file) throws DataFileException {
        requireKind(file, IdxKind.LABELS);
        Path path = locateOrThrow(file);
        return (IdxLabels) parse(file, path, verifiedContent(file, path));
    }

    private static void requireKind(DataFile file, IdxKind kind) {
        if (file.kind() != kind) {
            throw new IllegalArgumentException(file.relativePath() + " is not an " + kind + " file");
        }
    }

    private Path locateOrThrow(DataFile file) throws DataFileException {
        return directory.locate(file).orElseThrow(() -> new DataFileException(directory.rawPath(file),
                "missing (neither it nor its .gz form exists); fetch it with scripts/fetch-data.sh "
                        + file.dataset().id() + " or point --data-dir / " + DataDirectory.ENV + " at your copy"));
    }

    private static byte[] verifiedContent(DataFile file, Path path) throws DataFileException {
        byte[] content = Idx.readContent(path);
        String actual = Checksums.sha256(content);
        if (!actual.equals(file.sha256())) {
            String refetch = "; delete it and re-fetch with scripts/fetch-data.sh " + file.dataset().id();
            try {
                parse(file, path, content); // a structural problem is the more useful message
            } catch (DataFileException structural) {
                throw new DataFileException(path, stripPath(structural, path) + refetch);
            }
            throw new DataFileException(path, String.format(Locale.ROOT,
                    "SHA-256 mismatch: got %s…, expected %s… (not the published %s file)%s",
                    actual.substring(0, 12), file.sha256().substring(0, 12), file.relativePath(), refetch));
        }
        return content;
    }

    private static String stripPath(DataFileException e, Path path) {
        String prefix = path + ": ";
        String message = e.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static IdxContent parse(DataFile file, Path path, byte[] content) throws DataFileException {
        if (file.kind() == IdxKind.IMAGES) {
            IdxImages images = Idx.parseImages(path, content);
            if (images.count() != file.expectedCount() || images.rows() != ImageDataset.SIDE
                    || images.cols() != ImageDataset.SIDE) {
                throw new DataFileException(path, String.format(Locale.ROOT,
                        "holds %d images of %dx%d, expected %d of %dx%d", images.count(), images.rows(),
                        images.cols(), file.expectedCount(), ImageDataset.SIDE, ImageDataset.SIDE));
            }
            return images;
        }
        IdxLabels labels = Idx.parseLabels(path, content);
        if (labels.count() != file.expectedCount()) {
            throw new DataFileException(path, String.format(Locale.ROOT,
                    "holds %d labels, expected %d", labels.count(), file.expectedCount()));
        }
        return labels;
    }
}
