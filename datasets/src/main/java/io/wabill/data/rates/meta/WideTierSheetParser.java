package io.wabill.data.rates.meta;

import io.wabill.sim.rates.RateCategory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Meta's volume-tier file (Meta's "… Reflecting volume tiers for utility and authentication
 * messages"). Per category there is a block of columns {@code From, To, Rate type, Rate, vs. List rate}
 * under a caption row naming the category; the market is printed on its first band row only, and a
 * category without tiers in that market is {@code n/a} throughout its block.
 */
final class WideTierSheetParser {
    /** One category's block of columns. */
    private record Block(RateCategory category, String label, int from, int to, int rate) {
        String column(String part) { return label + " " + part; }
    }

    private WideTierSheetParser() {}

    /** False when the header is unusable (already reported), so nothing below it was read. */
    static boolean parse(List<SheetRow> rows, SheetLayout layout, ParsedSheet sheet, MarketNames markets) {
        SheetIssues issues = sheet.issues();
        SheetRow columns = rows.get(layout.headerLast());
        int marketCol = marketColumn(rows, layout);
        int currencyCol = SheetLayout.column(columns, "currency");
        List<Block> blocks = blocks(rows, layout, issues);
        if (blocks.isEmpty()) return false;
        CarriedMarket carried = new CarriedMarket(sheet, markets);
        for (int r = layout.headerLast() + 1; r < rows.size(); r++) {
            SheetRow row = rows.get(r);
            if (row.isBlank() || blank(row, blocks)) continue;
            String market = carried.of(row, row.cell(marketCol));
            if (market == null) continue;
            if (currencyCol >= 0) sheet.checkCurrency(row.cell(currencyCol), row.line(), "Currency");
            for (Block b : blocks) {
                RawBand band = band(row, b, issues);
                if (band != null) sheet.add(market, b.category(), band);
            }
        }
        return true;
    }

    /** The band of one block on one row, or null when the block is n/a there or could not be read. */
    private static RawBand band(SheetRow row, Block b, SheetIssues issues) {
        String from = row.cell(b.from());
        String to = row.cell(b.to());
        String rate = row.cell(b.rate());
        if (Labels.isAbsent(from) && Labels.isAbsent(to) && Labels.isAbsent(rate)) return null;
        long line = row.line();
        if (Labels.isAbsent(from) || Labels.isAbsent(rate) || Labels.isNotApplicable(to)) {
            issues.add(line, b.column("From"), "an incomplete band: From, To and Rate must all be given, or all be n/a");
            return null;
        }
        long lower;
        long upper;
        try {
            lower = Amounts.count(from);
        } catch (NumberFormatException e) {
            issues.add(line, b.column("From"), e.getMessage());
            lower = -1;
        }
        try {
            upper = to.isEmpty() || Amounts.isOpen(to) ? Long.MAX_VALUE : Amounts.count(to);
        } catch (NumberFormatException e) {
            issues.add(line, b.column("To"), e.getMessage());
            upper = -1;
        }
        BigDecimal value = RatesSheetParser.readRate(rate, line, b.column("Rate"), issues);
        if (lower < 0 || upper < 0) return null;
        return new RawBand(lower, upper, value, line, b.column("From"));
    }

    private static boolean blank(SheetRow row, List<Block> blocks) {
        for (Block b : blocks) {
            if (!row.cell(b.from()).isEmpty() || !row.cell(b.to()).isEmpty() || !row.cell(b.rate()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Meta labels the market column in the caption row ("Market (per rate card)"); otherwise it is the first. */
    private static int marketColumn(List<SheetRow> rows, SheetLayout layout) {
        for (int r = layout.headerFirst(); r <= layout.headerLast(); r++) {
            SheetRow row = rows.get(r);
            for (int c = 0; c < row.width(); c++) if (Labels.isMarket(row.cell(c))) return c;
        }
        return 0;
    }

    /**
     * One block per {@code From} column, up to the next one. Its category is the caption printed above it
     * (a merged cell exported to CSV keeps its text in the block's first column); a block without one is
     * reported rather than guessed from its position.
     */
    private static List<Block> blocks(List<SheetRow> rows, SheetLayout layout, SheetIssues issues) {
        SheetRow columns = rows.get(layout.headerLast());
        List<Integer> starts = new ArrayList<>();
        for (int c = 0; c < columns.width(); c++) if (Labels.is(columns.cell(c), "from")) starts.add(c);
        List<Block> blocks = new ArrayList<>();
        Map<RateCategory, String> seen = new EnumMap<>(RateCategory.class);
        for (int i = 0; i < starts.size(); i++) {
            int start = starts.get(i);
            int end = i + 1 < starts.size() ? starts.get(i + 1) : Math.max(columns.width(), start + 1);
            int to = find(columns, start, end, "to");
            int rate = find(columns, start, end, "rate", "tierrate", "price");
            String where = "column " + Labels.letter(start);
            if (to < 0 || rate < 0) {
                issues.add(columns.line(), "From", "the block at " + where + " has no " + (to < 0 ? "To" : "Rate") + " column");
                continue;
            }
            String label = caption(rows, layout, start, end);
            RateCategory category = label == null ? null : Labels.category(label);
            if (category == null) {
                issues.add(columns.line(), "From", "no category (Utility, Authentication, …) is printed above the block at " + where);
                continue;
            }
            String earlier = seen.putIfAbsent(category, where);
            if (earlier != null) {
                issues.add(columns.line(), Labels.display(label), "a second " + category.code() + " block (the first is at " + earlier + ")");
                continue;
            }
            blocks.add(new Block(category, Labels.display(label), start, to, rate));
        }
        if (blocks.isEmpty() && starts.isEmpty()) {
            issues.add(columns.line(), "", "the volume-tier header has no From column");
        }
        return blocks;
    }

    private static String caption(List<SheetRow> rows, SheetLayout layout, int start, int end) {
        for (int r = layout.headerFirst(); r < layout.headerLast(); r++) {
            SheetRow row = rows.get(r);
            for (int c = start; c < end; c++) if (Labels.category(row.cell(c)) != null) return row.cell(c);
        }
        return null;
    }

    private static int find(SheetRow row, int start, int end, String... keys) {
        for (int c = start; c < end; c++) if (Labels.is(row.cell(c), keys)) return c;
        return -1;
    }
}
