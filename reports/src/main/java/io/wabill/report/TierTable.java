package io.wabill.report;

import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.RateCard;
import io.wabill.sim.rates.RateCatalog;
import io.wabill.sim.rates.RateCategory;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Follows the volume-tier counters through each month (D6: charged utility and authentication messages per
 * portfolio, market, family and local month; D7: shared by a portfolio's accounts), one row per counter and day,
 * into {@code tiers.csv}. Only lines the engine priced at a band count, so a list-only period (G2a) adds nothing.
 * Band thresholds come from the card in force, {@link RateCard#bands}; memory is bounded by counters × days.
 */
public final class TierTable implements LedgerSink {
    public static final List<String> COLUMNS = List.of("month", "portfolio", "market", "family", "day", "messages",
            "cumulative", "band", "next_band_from", "currency", "rate_card");

    private record Key(String month, String portfolio, String market, String family, String day) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::month).thenComparing(Key::portfolio)
                .thenComparing(Key::market).thenComparing(Key::family).thenComparing(Key::day);

        boolean sameCounter(Key o) {
            return o != null && month.equals(o.month) && portfolio.equals(o.portfolio) && market.equals(o.market)
                    && family.equals(o.family);
        }
    }

    private static final class Cell {
        long messages;
        Band band;
        RateCategory category;
        String currency;
        String rateCard;
    }

    private final LocalDays days;
    private final RateCatalog catalog;
    private final TreeMap<Key, Cell> cells = new TreeMap<>(Key.ORDER);
    private final Map<String, RateCard> cards = new HashMap<>();

    public TierTable(LocalDays days, RateCatalog catalog) {
        this.days = days;
        this.catalog = catalog;
    }

    // The last line's key parts and cell: consecutive tiered lines mostly share them (same counter, same day), so
    // most lines allocate nothing and look nothing up.
    private int lastMonth;
    private String lastAccount, lastPortfolio, lastMarket;
    private BillableCategory lastBillable;
    private LocalDate lastDay;
    private Cell last;

    @Override public void accept(LedgerLine l) {
        if (!l.type().isCharged() || l.band() == null) return;
        String account = l.message().account();
        String written = l.message().portfolio();
        LocalDate day = days.day(account, l.chargedAt());
        Cell c;
        if (last != null && day == lastDay && l.localMonth() == lastMonth && l.billable() == lastBillable
                && account.equals(lastAccount) && Objects.equals(written, lastPortfolio) && l.market().equals(lastMarket)) {
            c = last;
        } else {
            String portfolio = written != null && !written.isEmpty() ? written : days.account(account).portfolio();
            Key key = new Key(l.localMonthLabel(), portfolio, l.market(), family(l.billable()), day.toString());
            c = cells.computeIfAbsent(key, k -> new Cell());
            c.category = RateCategory.parse(l.billable().code());
            last = c;
            lastDay = day;
            lastMonth = l.localMonth();
            lastBillable = l.billable();
            lastAccount = account;
            lastPortfolio = written;
            lastMarket = l.market();
        }
        c.messages++;
        c.band = l.band();
        c.currency = l.currency();
        c.rateCard = l.rateCard();
    }

    /** Adds the cells of a table priced apart (another portfolio's lane); the portfolios do not overlap. */
    public void addAll(TierTable other) {
        for (var e : other.cells.entrySet()) {
            Cell c = cells.computeIfAbsent(e.getKey(), k -> new Cell());
            Cell o = e.getValue();
            c.messages += o.messages;
            c.band = o.band;
            c.category = o.category;
            c.currency = o.currency;
            c.rateCard = o.rateCard;
        }
        last = null;
    }

    /** D6: authentication-international counts with authentication. */
    static String family(BillableCategory b) {
        return b == BillableCategory.AUTHENTICATION_INTERNATIONAL ? BillableCategory.AUTHENTICATION.code() : b.code();
    }

    /** The rows of {@code tiers.csv}: by month, portfolio, market, family and day, with running counts. */
    public List<TierRow> rows() {
        List<TierRow> rows = new ArrayList<>(cells.size());
        Key previous = null;
        long running = 0;
        for (Map.Entry<Key, Cell> e : cells.entrySet()) {
            Key k = e.getKey();
            Cell c = e.getValue();
            running = k.sameCounter(previous) ? running + c.messages : c.messages;
            previous = k;
            rows.add(new TierRow(k.month(), k.portfolio(), k.market(), k.family(), k.day(), c.messages, running,
                    c.band.label(), nextBandFrom(c, k.market(), running), c.currency, c.rateCard));
        }
        return rows;
    }

    /** Where the band after the one holding message {@code n} starts on the card in force; empty when open. */
    private String nextBandFrom(Cell c, String market, long n) {
        RateCard card = card(c.rateCard);
        Bands bands = card == null || c.category == null ? null : card.bands(market, c.category);
        if (bands == null) return c.band.isOpen() ? "" : Long.toString(c.band.to() + 1);
        int i = bands.indexOf(n);
        return i + 1 < bands.size() ? Long.toString(bands.band(i + 1).from()) : "";
    }

    private RateCard card(String id) {
        if (id == null) return null;
        return cards.computeIfAbsent(id, k -> {
            int at = k.indexOf('@');
            if (at < 0) return null;
            return catalog.card(k.substring(0, at), LocalDate.parse(k.substring(at + 1)));
        });
    }

    public void write(Writer out, CsvDialect dialect) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(COLUMNS.toArray(new String[0]));
        for (TierRow r : rows()) {
            csv.raw(r.month()).text(r.portfolio()).text(r.market()).raw(r.family()).raw(r.day()).number(r.messages())
                    .number(r.cumulative()).raw(r.band()).raw(r.nextBandFrom()).raw(r.currency())
                    .raw(Objects.toString(r.rateCard(), ""));
            csv.endRow();
        }
        csv.close();
    }
}
