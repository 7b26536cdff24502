package io.wabill.data.rates.meta;

import io.wabill.sim.rates.CardProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads one Meta file: finds its layout, takes currency and date from its title, then its bands. */
final class SheetReader {
    private SheetReader() {}

    static ParsedSheet read(Path file, MarketNames markets, List<CardProblem> problems) throws IOException {
        String name = file.getFileName().toString();
        SheetIssues issues = new SheetIssues(file.toString(), problems);
        List<SheetRow> rows;
        try {
            rows = XlsxSheet.isXlsx(file) ? XlsxSheet.read(file, Integer.MAX_VALUE) : CsvSheet.read(file);
        } catch (io.wabill.data.io.BadInputException e) {
            issues.add(e.line(), e.column(), e.reason());
            return new ParsedSheet(name, ParsedSheet.Kind.RATES, issues);
        }
        SheetLayout layout = SheetLayout.find(rows);
        if (layout == null) {
            issues.add(0, "", "no Meta rate card header (Market, Currency, Marketing, Utility, … or a volume-tier "
                    + "header with From and To) in the first rows");
            return new ParsedSheet(name, ParsedSheet.Kind.RATES, issues);
        }
        ParsedSheet.Kind kind = layout.kind() == SheetLayout.Kind.RATES ? ParsedSheet.Kind.RATES : ParsedSheet.Kind.TIERS;
        ParsedSheet sheet = new ParsedSheet(name, kind, issues);
        SheetRow title = title(rows, layout);
        CardTitle parsed = title == null ? CardTitle.NONE : CardTitle.parse(title.text());
        if (parsed.problem() != null) issues.add(title.line(), "", parsed.problem());
        if (parsed.currency() != null) sheet.setCurrency(parsed.currency(), title.line());
        sheet.setEffective(parsed.effective() != null ? parsed.effective() : CardTitle.dateInFileName(name));
        boolean usable = switch (layout.kind()) {
            case RATES -> RatesSheetParser.parse(rows, layout, sheet, markets);
            case WIDE_TIERS -> WideTierSheetParser.parse(rows, layout, sheet, markets);
            case LONG_TIERS -> LongTierSheetParser.parse(rows, layout, sheet, markets);
        };
        if (!usable) return sheet; // the header problem says it all; what follows would only echo it
        if (sheet.currency() == null) {
            issues.add(0, "", "no currency: neither a title (\"Cost per message in USD …\") nor a Currency column names one");
        }
        if (sheet.effective() == null && parsed.problem() == null) {
            issues.add(title == null ? 0 : title.line(), "", "no effective date: neither a title (\"… effective October 1, 2026\") "
                    + "nor the file name (…-2026-10-01.csv) gives one");
        }
        if (sheet.raw().isEmpty()) issues.add(rows.get(layout.headerLast()).line(), "", "no rates below the header");
        BandChecker.check(sheet);
        return sheet;
    }

    /**
     * The title is the first non-blank row above the header, and only that row: Meta's note rows carry
     * other dates ("volume tiers, effective as of July 1, 2025") that are not the card's.
     */
    static SheetRow title(List<SheetRow> rows, SheetLayout layout) {
        for (int i = 0; i < layout.headerFirst(); i++) {
            SheetRow row = rows.get(i);
            if (!row.isBlank()) return CardTitle.looksLikeTitle(row.text()) ? row : null;
        }
        return null;
    }
}
