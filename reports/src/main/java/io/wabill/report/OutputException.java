package io.wabill.report;

import java.io.IOException;

/**
 * An output file or folder that cannot be written: a full disk, a missing permission, a target that is a folder, a
 * folder another run is writing into. The message is one line that names the file; the command prints it as is.
 */
public final class OutputException extends IOException {
    public OutputException(String message) { super(message); }

    public OutputException(String message, Throwable cause) { super(message, cause); }

    /** "cannot write FILE: reason", the reason from the system's exception (e.g. "No space left on device"). */
    static OutputException writing(java.nio.file.Path file, IOException e) {
        return e instanceof OutputException o ? o : new OutputException("cannot write " + file + ": " + reason(e), e);
    }

    /** The system's reason for an I/O failure, without repeating the file name it may carry. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or folder";
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "already exists";
        if (e instanceof java.nio.file.NotDirectoryException) return "not a folder";
        if (e instanceof java.nio.file.DirectoryNotEmptyException) return "a folder that is not empty is in the way";
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

}
