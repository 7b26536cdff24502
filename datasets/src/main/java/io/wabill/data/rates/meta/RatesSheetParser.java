package io.wabill.data.rates.meta;

import io.wabill.sim.rates.RateCategory;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads Meta's rates layout: one row per market, one column per category, {@code n/a} for no rate. */
final class RatesSheetParser {
    private RatesSheetParser() {}

    /** False when the header is unusable (already reported), so nothing below it was read. */
    static boolean parse(List<SheetRow> rows, SheetLayout layout, ParsedSheet sheet, MarketNames markets) {
        SheetRow header = rows.get(layout.headerFirst());
        SheetIssues issues = sheet.issues();
        int marketCol = -1;
        int currencyCol = SheetLayout.column(header, "currency");
        Map<Integer, RateCategory> categoryCols = new TreeMap<>();
        Map<RateCategory, Integer> seen = new EnumMap<>(RateCategory.class);
        for (int c = 0; c < header.width(); c++) {
            String h = header.cell(c);
            if (marketCol < 0 && Labels.isMarket(h)) marketCol = c;
            RateCategory category = Labels.category(h);
            if (category == null) continue;
            Integer earlier = seen.putIfAbsent(category, c);
            if (earlier != null) {
                issues.add(header.line(), Labels.display(h), "a second " + category.code() + " column (the first is "
                        + Labels.display(header.cell(earlier)) + ", column " + Labels.letter(earlier) + ")");
            } else {
                categoryCols.put(c, category);
            }
        }
        Map<String, Long> firstLine = new HashMap<>();
        for (int r = layout.headerLast() + 1; r < rows.size(); r++) {
            SheetRow row = rows.get(r);
            if (isNote(row, currencyCol, categoryCols)) continue;
            String printed = row.cell(marketCol);
            if (printed.isEmpty()) {
                issues.add(row.line(), "Market", "a row with rates but no market");
                continue;
            }
            String market = markets.canonical(printed);
            if (market == null) {
                issues.add(row.line(), "Market", "unknown market '" + MarketNames.clean(printed) + "'" + markets.hint(printed));
                market = MarketNames.clean(printed);
                sheet.markUnknown(market);
            }
            Long earlier = firstLine.putIfAbsent(market, row.line());
            if (earlier != null) {
                issues.add(row.line(), "Market", "market " + market + " appears twice (first on line " + earlier + ")");
                continue;
            }
            sheet.noteMarket(market, row.line());
            if (currencyCol >= 0) sheet.checkCurrency(row.cell(currencyCol), row.line(), Labels.display(header.cell(currencyCol)));
            for (Map.Entry<Integer, RateCategory> e : categoryCols.entrySet()) {
                String cell = row.cell(e.getKey());
                if (Labels.isAbsent(cell)) continue;
                String column = Labels.display(header.cell(e.getKey()));
                sheet.add(market, e.getValue(), RawBand.list(readRate(cell, row.line(), column, issues), row.line(), column));
            }
        }
        return true;
    }

    /** Meta puts footnotes below the table: rows with text but no currency and no rate. */
    private static boolean isNote(SheetRow row, int currencyCol, Map<Integer, RateCategory> categoryCols) {
        if (row.isBlank()) return true;
        if (currencyCol >= 0 && !row.cell(currencyCol).isEmpty()) return false;
        for (int c : categoryCols.keySet()) if (!row.cell(c).isEmpty()) return false;
        return true;
    }

    /** The rate, or null after reporting why it cannot be used. */
    static BigDecimal readRate(String cell, long line, String column, SheetIssues issues) {
        BigDecimal rate;
        try {
            rate = Amounts.rate(cell);
        } catch (NumberFormatException e) {
            issues.add(line, column, e.getMessage());
            return null;
        }
        String problem = Amounts.rateProblem(rate);
        if (problem != null) {
            issues.add(line, column, problem);
            return null;
        }
        return rate;
    }
}
