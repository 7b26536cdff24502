package io.wabill.data.rates.meta;

import java.util.List;

/**
 * Where a Meta file's header is and which of its layouts it uses. Everything above the header is the
 * title and notes; everything below is data.
 * <ul>
 *   <li>{@code RATES}: {@code Market,Currency,Marketing,Utility,…} — one row per market, one column per
 *       category (also the conversation-era {@code User-initiated,Business-initiated}).</li>
 *   <li>{@code WIDE_TIERS}: Meta's volume-tier file — a row of category names (Utility, Authentication,
 *       Authentication-International), optionally a row of group captions, then
 *       {@code ,Currency,From,To,Rate type,Rate,vs. List rate} repeated per category; the market is printed
 *       on a market's first band row only.</li>
 *   <li>{@code LONG_TIERS}: one band per row — {@code Market,Category,Volume tier,Rate} (or {@code From}/
 *       {@code To} columns instead of {@code Volume tier}).</li>
 * </ul>
 */
record SheetLayout(Kind kind, int headerFirst, int headerLast) {
    enum Kind { RATES, WIDE_TIERS, LONG_TIERS }

    /** How far below the market row the From/To row of the tier file may be (Meta has one caption row between). */
    private static final int TIER_HEADER_DEPTH = 3;
    /** Titles and notes take a handful of rows; a header further down means this is not a Meta file. */
    private static final int HEADER_SEARCH_ROWS = 60;

    /** The layout, or null when no row looks like a Meta header. */
    static SheetLayout find(List<SheetRow> rows) {
        int limit = Math.min(rows.size(), HEADER_SEARCH_ROWS);
        for (int i = 0; i < limit; i++) {
            SheetRow row = rows.get(i);
            boolean market = hasMarket(row);
            boolean fromTo = hasFromTo(row);
            boolean currency = has(row, "currency");
            if (!(market && (currency || fromTo || categories(row) > 0 || hasCategoryColumn(row)))
                    && !(fromTo && currency)) {
                continue;
            }
            if (hasCategoryColumn(row)) return new SheetLayout(Kind.LONG_TIERS, i, i);
            for (int j = i; j < Math.min(rows.size(), i + TIER_HEADER_DEPTH + 1); j++) {
                if (hasFromTo(rows.get(j))) return new SheetLayout(Kind.WIDE_TIERS, i, j);
            }
            if (categories(row) > 0) return new SheetLayout(Kind.RATES, i, i);
        }
        return null;
    }

    static boolean hasMarket(SheetRow row) {
        for (int c = 0; c < row.width(); c++) if (Labels.isMarket(row.cell(c))) return true;
        return false;
    }

    static boolean hasFromTo(SheetRow row) {
        return has(row, "from") && has(row, "to");
    }

    static boolean hasCategoryColumn(SheetRow row) {
        for (int c = 0; c < row.width(); c++) if (Labels.isCategoryColumn(row.cell(c))) return true;
        return false;
    }

    static int categories(SheetRow row) {
        int n = 0;
        for (int c = 0; c < row.width(); c++) if (Labels.category(row.cell(c)) != null) n++;
        return n;
    }

    static boolean has(SheetRow row, String key) {
        for (int c = 0; c < row.width(); c++) if (Labels.is(row.cell(c), key)) return true;
        return false;
    }

    static int column(SheetRow row, String... keys) {
        for (int c = 0; c < row.width(); c++) if (Labels.is(row.cell(c), keys)) return c;
        return -1;
    }
}
