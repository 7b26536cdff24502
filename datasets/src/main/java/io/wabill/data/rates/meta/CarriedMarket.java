package io.wabill.data.rates.meta;

/**
 * The market column of a volume-tier sheet: Meta prints a market on its first band row only, so the market is
 * carried down to the rows below it. An unknown market is reported once per printing and kept under its cleaned
 * name so its bands can still be checked.
 */
final class CarriedMarket {
    private final ParsedSheet sheet;
    private final MarketNames markets;
    private String current;

    CarriedMarket(ParsedSheet sheet, MarketNames markets) {
        this.sheet = sheet;
        this.markets = markets;
    }

    /** The market of {@code row}, whose market cell reads {@code printed}; null (reported) before any market. */
    String of(SheetRow row, String printed) {
        if (!printed.isEmpty()) {
            current = markets.canonical(printed);
            if (current == null) {
                sheet.issues().add(row.line(), "Market", "unknown market '" + MarketNames.clean(printed) + "'" + markets.hint(printed));
                current = MarketNames.clean(printed);
                sheet.markUnknown(current);
            }
            sheet.noteMarket(current, row.line());
        } else if (current == null) {
            sheet.issues().add(row.line(), "Market", "a band row before any market");
        }
        return current;
    }
}
