package io.wabill.data.rates.meta;

import java.util.List;

/** One CSV record and the physical line it starts on, so every problem can point at that line. */
record SheetRow(long line, List<String> cells) {

    /** The trimmed cell, or "" past the end of the row: Meta's rows are ragged after the last value. */
    String cell(int index) {
        if (index < 0 || index >= cells.size()) return "";
        String c = cells.get(index);
        return c == null ? "" : Labels.clean(c);
    }

    int width() { return cells.size(); }

    boolean isBlank() {
        for (int i = 0; i < cells.size(); i++) if (!cell(i).isEmpty()) return false;
        return true;
    }

    /** The non-blank cells joined by spaces: a title or note may be split over several cells. */
    String text() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cell(i);
            if (c.isEmpty()) continue;
            if (b.length() > 0) b.append(' ');
            b.append(c);
        }
        return b.toString();
    }
}
