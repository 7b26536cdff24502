package io.wabill.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;

/** A folder an {@link OutputSet} writes into: files opened here appear under their names only when the set commits. */
public interface OutputFolder {
    /** Where the files will appear. */
    Path path();

    /** A UTF-8 writer for {@code name}, gzip-compressed when the name ends with {@code .gz}. */
    Writer open(String name) throws IOException;

    /** A byte stream for {@code name} (a PNG chart, a generated log, the ledger). */
    OutputStream openBinary(String name) throws IOException;
}
