package dev.regbench.datasets;

import java.nio.file.Path;

/** The validated content of an IDX file: {@link IdxImages} or {@link IdxLabels}. */
public sealed interface IdxContent permits IdxImages, IdxLabels {
    /** @return the file it was read from */
    Path source();

    /** @return the number of examples it holds */
    int count();
}
