package io.wabill.data.rates.meta;

import io.wabill.sim.rates.RateCategory;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads a volume-tier file with one band per row: {@code Market,Currency,Category,Volume tier,Rate,Discount}
 * where the volume tier is a range ({@code 0 – 100,000}, {@code 45,000,001+}), or with separate
 * {@code From}/{@code To} columns. A blank market repeats the one above, as in Meta's wide file.
 */
final class LongTierSheetParser {
    private static final String[] RANGE = {"volumetier", "volumetiers", "tier", "tiers", "volume", "volumerange",
            "messagespermonth", "monthlyvolume", "monthlymessages", "range", "band", "messages"};
    private static final String[] FROM = {"from", "volumefrom", "messagesfrom", "lower", "min"};
    private static final String[] TO = {"to", "volumeto", "messagesto", "upper", "max"};
    private static final String[] RATE = {"rate", "price", "tierrate", "ratepermessage", "costpermessage"};

    private LongTierSheetParser() {}

    /** False when the header is unusable (already reported), so nothing below it was read. */
    static boolean parse(List<SheetRow> rows, SheetLayout layout, ParsedSheet sheet, MarketNames markets) {
        SheetIssues issues = sheet.issues();
        SheetRow header = rows.get(layout.headerFirst());
        int marketCol = -1;
        int categoryCol = -1;
        for (int c = 0; c < header.width(); c++) {
            if (marketCol < 0 && Labels.isMarket(header.cell(c))) marketCol = c;
            if (categoryCol < 0 && Labels.isCategoryColumn(header.cell(c))) categoryCol = c;
        }
        int currencyCol = SheetLayout.column(header, "currency");
        int rangeCol = SheetLayout.column(header, RANGE);
        int fromCol = SheetLayout.column(header, FROM);
        int toCol = SheetLayout.column(header, TO);
        int rateCol = SheetLayout.column(header, RATE);
        boolean ranged = rangeCol >= 0 || (fromCol >= 0 && toCol >= 0);
        if (marketCol < 0 || rateCol < 0 || !ranged) {
            issues.add(header.line(), "", "the volume-tier header needs Market, Category, a volume tier (or From and To) and Rate columns");
            return false;
        }
        CarriedMarket carried = new CarriedMarket(sheet, markets);
        for (int r = layout.headerLast() + 1; r < rows.size(); r++) {
            SheetRow row = rows.get(r);
            if (row.isBlank()) continue;
            String category = row.cell(categoryCol);
            String rate = row.cell(rateCol);
            if (category.isEmpty() && rate.isEmpty()) continue; // a footnote below the table
            String market = carried.of(row, row.cell(marketCol));
            if (market == null) continue;
            if (currencyCol >= 0) sheet.checkCurrency(row.cell(currencyCol), row.line(), "Currency");
            RateCategory cat = Labels.category(category);
            if (cat == null) {
                issues.add(row.line(), Labels.display(header.cell(categoryCol)), "unknown category '" + category + "'");
                continue;
            }
            if (Labels.isAbsent(rate)) continue;
            long[] range = range(row, rangeCol, fromCol, toCol, header, issues);
            BigDecimal value = RatesSheetParser.readRate(rate, row.line(), Labels.display(header.cell(rateCol)), issues);
            if (range == null) continue;
            String column = Labels.display(header.cell(rangeCol >= 0 ? rangeCol : fromCol));
            sheet.add(market, cat, new RawBand(range[0], range[1], value, row.line(), column));
        }
        return true;
    }

    private static long[] range(SheetRow row, int rangeCol, int fromCol, int toCol, SheetRow header, SheetIssues issues) {
        try {
            if (rangeCol >= 0) return Amounts.range(row.cell(rangeCol));
        } catch (NumberFormatException e) {
            issues.add(row.line(), Labels.display(header.cell(rangeCol)), e.getMessage());
            return null;
        }
        long from;
        try {
            from = Amounts.count(row.cell(fromCol));
        } catch (NumberFormatException e) {
            issues.add(row.line(), Labels.display(header.cell(fromCol)), e.getMessage());
            return null;
        }
        String to = row.cell(toCol);
        try {
            return new long[] {from, to.isEmpty() || Amounts.isOpen(to) ? Long.MAX_VALUE : Amounts.count(to)};
        } catch (NumberFormatException e) {
            issues.add(row.line(), Labels.display(header.cell(toCol)), e.getMessage());
            return null;
        }
    }
}
