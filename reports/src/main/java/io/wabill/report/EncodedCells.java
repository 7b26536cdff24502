package io.wabill.report;

import java.util.function.Function;

/**
 * The encoded bytes of text cells that repeat line after line (an account, a market, a card, a note), so that
 * their spreadsheet neutralization, quoting and UTF-8 encoding are worked out once per distinct text rather than
 * once per line. A small table keyed by the string itself (identity): the engine and the reader hand the same
 * string objects over and over. A string is encoded for keeping only when it is seen a second time, so a column of
 * values that never repeat costs its hash and a direct write, and allocates nothing.
 */
final class EncodedCells {
    private static final int SLOTS = 256;
    private final String[] keys = new String[SLOTS];
    private final byte[][] cells = new byte[SLOTS][];
    private final Function<String, byte[]> encoder;
    private final boolean text;

    private EncodedCells(boolean text) {
        this.text = text;
        this.encoder = text ? CsvLine::encodeText : CsvLine::encodeRaw;
    }

    /** Cells written as {@link CsvLine#text}. */
    static EncodedCells text() { return new EncodedCells(true); }

    /** Cells written as {@link CsvLine#raw}. */
    static EncodedCells raw() { return new EncodedCells(false); }

    /** Appends {@code value}'s cell to {@code out}, as {@link CsvLine#text} or {@link CsvLine#raw} would. */
    void write(String value, CsvLine out) {
        if (value == null) {
            out.text(null);
            return;
        }
        int h = value.hashCode();
        int i = (h ^ (h >>> 12) ^ (h >>> 24)) & (SLOTS - 1);
        if (keys[i] == value) {
            byte[] cell = cells[i];
            if (cell == null) cells[i] = cell = encoder.apply(value);
            out.encoded(cell);
            return;
        }
        keys[i] = value;
        cells[i] = null;
        if (text) out.text(value);
        else out.raw(value);
    }
}
