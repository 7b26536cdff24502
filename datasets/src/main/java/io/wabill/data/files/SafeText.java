package io.wabill.data.files;

/**
 * Text from input files made safe to print on a terminal: control characters (escape sequences that clear the screen
 * or set its title, carriage returns that overwrite a line, bells) and the invisible characters that reorder text
 * (bidirectional overrides) are written as backslash-x and two hex digits (or backslash-u and four), so a message shows what the file holds and
 * the file cannot drive the terminal.
 */
public final class SafeText {
    private SafeText() {}

    /** Every control character escaped, line breaks too (a value from a file is one line). */
    public static String value(String s) { return escape(s, false); }

    /** Control characters escaped except line breaks (a message of several lines of wabill's own). */
    public static String message(String s) { return escape(s, true); }

    private static String escape(String s, boolean keepLineBreaks) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean unsafe = (c < 0x20 && !(keepLineBreaks && c == '\n')) || (c >= 0x7F && c <= 0x9F) || isBidiControl(c);
            if (!unsafe) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
            if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c == '\t') b.append("\\t");
            else if (c <= 0xFF) b.append(String.format("\\x%02X", (int) c));
            else b.append(String.format("\\u%04X", (int) c));
        }
        return b == null ? s : b.toString();
    }

    private static boolean isBidiControl(char c) {
        return c == '\u200E' || c == '\u200F' || c == '\u061C' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
