package dev.regbench.datasets;

/**
 * Loads an {@link ImageDataset} into memory once, after verifying all four files: checksums, headers,
 * counts, and labels against images.
 */
public final class ImageDataLoader {
    private final DatasetFiles files;

    /** @param directory where the dataset files are */
    public ImageDataLoader(DataDirectory directory) {
        this.files = new DatasetFiles(directory);
    }

    /**
     * @param dataset which dataset
     * @return its training and test sets, pixels scaled to [0, 1]
     * @throws DataFileException if any file is missing or bad, naming the file and the fix
     */
    public ImageData load(ImageDataset dataset) throws DataFileException {
        return new ImageData(dataset, load(dataset, Split.TRAIN), load(dataset, Split.TEST));
    }

    private ClassificationSet load(ImageDataset dataset, Split split) throws DataFileException {
        IdxImages images = files.readImages(new DataFile(dataset, split, IdxKind.IMAGES));
        IdxLabels labels = files.readLabels(new DataFile(dataset, split, IdxKind.LABELS));
        return ClassificationSet.fromIdx(images, labels, ImageDataset.CLASSES);
    }
}
