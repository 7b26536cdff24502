package io.wabill.app;

/** A problem with the user's input or files: printed as a message, never as a stack trace; exit code 1. */
public final class UserException extends RuntimeException {
    public UserException(String message) { super(message); }

    public UserException(String message, Throwable cause) { super(message, cause); }
}
