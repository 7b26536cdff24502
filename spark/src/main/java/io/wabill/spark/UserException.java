package io.wabill.spark;

/** Bad input the user can fix (a missing file, a bad option, a bad row with --on-error stop): exit 1, no stack trace. */
final class UserException extends RuntimeException {
    UserException(String message) { super(message, null, false, false); }
}
