package io.wabill.data.files;

import java.io.IOException;

/**
 * An input file that cannot be read: damaged or truncated gzip data, a file that is not gzip though its name ends with
 * {@code .gz}, a permission, a device error. The message is one line that names the file.
 */
public final class InputFileException extends IOException {
    public InputFileException(String message, Throwable cause) { super(message, cause); }
}
