package io.wabill.data.rates.meta;

import io.wabill.sim.rates.CardProblem;
import io.wabill.sim.rates.RateCard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads Meta's rate card files as downloaded from "Pricing on the WhatsApp Business Platform"
 * (FORMATS.md section 3), as opposed to the normalized long form.
 *
 * <p>Two kinds of file make one card:
 * <ul>
 *   <li>the rates file: a title row ("Cost per message in USD on the WhatsApp Business Platform, effective
 *       October 1, 2026"), note rows, then {@code Market,Currency,Marketing,Utility,Authentication,
 *       Authentication-International,Service} (conversation-era cards: the same columns priced per
 *       conversation, the oldest {@code User-initiated,Business-initiated}), {@code n/a} where a category
 *       does not apply;</li>
 *   <li>optionally the volume-tier file ("… effective October 1, 2026 - Reflecting volume tiers for utility and
 *       authentication messages"), in Meta's wide layout (per category {@code From,To,Rate type,Rate,
 *       vs. List rate}) or one band per row ({@code Market,Category,Volume tier,Rate}). See {@link SheetLayout}.</li>
 * </ul>
 */
public final class MetaRateCardReader {
    /** Enough rows to pass Meta's title and notes and reach the header. */
    private static final int SNIFF_ROWS = 40;

    private MetaRateCardReader() {}

    /** True when the file looks like a Meta download (title row / Meta header) rather than the normalized long form. */
    public static boolean looksLikeMetaFile(Path file) throws IOException {
        List<SheetRow> rows = XlsxSheet.isXlsx(file) ? XlsxSheet.read(file, SNIFF_ROWS) : CsvSheet.read(file, SNIFF_ROWS);
        SheetRow first = rows.stream().filter(r -> !r.isBlank()).findFirst().orElse(null);
        if (first == null) return false;
        if (isNormalizedHeader(first)) return false;
        if (CardTitle.looksLikeTitle(first.text())) return true;
        return SheetLayout.find(rows) != null;
    }

    /**
     * Reads Meta rate files and volume-tier files; pairs each tier file with the rates file of the same currency
     * and effective date (taken from the title row, or from the file name as a fallback), replacing the utility /
     * authentication / authentication-international list rate by the bands. Every problem is appended to
     * {@code problems} (file, line, column, message); a card with problems is not returned. {@code knownMarkets}
     * is the market map's set of market names: an unknown market is a problem (null: no market map to check).
     */
    public static List<RateCard> read(List<Path> files, Set<String> knownMarkets, List<CardProblem> problems)
            throws IOException {
        MarketNames markets = new MarketNames(knownMarkets);
        List<ParsedSheet> sheets = new ArrayList<>();
        for (Path file : files) sheets.add(SheetReader.read(file, markets, problems));
        return CardAssembler.assemble(sheets);
    }

    /** {@code market,currency,category,tier_from,tier_to,rate}: the normalized form is not Meta's. */
    private static boolean isNormalizedHeader(SheetRow row) {
        return SheetLayout.has(row, "market") && SheetLayout.has(row, "category")
                && SheetLayout.has(row, "tierfrom") && SheetLayout.has(row, "tierto");
    }
}
