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
 *
 * <p>Cells are kept by their key's parts as the lines hand them over (month and day as numbers, the strings and
 * constants the engine reuses), so a tiered line costs the last cell's check or one hash lookup with a reused probe
 * and allocates nothing once its cell exists; the rows are sorted by their printed key when they are asked for.
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
    private final HashMap<Probe, Cell> cells = new HashMap<>();
    private final Probe probe = new Probe();
    /** Each billable category's rate category, parsed once (the card's bands are looked up by it). */
    private static final RateCategory[] RATE_CATEGORIES = new RateCategory[BillableCategory.values().length];

    static {
        for (BillableCategory b : BillableCategory.values()) RATE_CATEGORIES[b.ordinal()] = RateCategory.parse(b.code());
    }
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
    private long lastDay;
    private Cell last;

    @Override public void accept(LedgerLine l) {
        if (!l.type().isCharged() || l.band() == null) return;
        String account = l.message().account();
        String written = l.message().portfolio();
        long day = days.epochDay(account, l.chargedAt());
        Cell c;
        if (last != null && day == lastDay && l.localMonth() == lastMonth && l.billable() == lastBillable
                && account.equals(lastAccount) && Objects.equals(written, lastPortfolio) && l.market().equals(lastMarket)) {
            c = last;
        } else {
            String portfolio = written != null && !written.isEmpty() ? written : days.account(account).portfolio();
            Probe p = probe;
            p.set(l.localMonth(), portfolio, l.market(), familyOf(l.billable()), day);
            c = cells.get(p);
            if (c == null) {
                c = new Cell();
                cells.put(p.copy(), c);
            }
            // as each line that is not the last one's counter and day has always done: the category of this line
            c.category = RATE_CATEGORIES[l.billable().ordinal()];
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
            Cell c = cells.get(e.getKey());
            if (c == null) {
                c = new Cell();
                cells.put(e.getKey(), c);
            }
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
    static String family(BillableCategory b) { return familyOf(b).code(); }

    private static BillableCategory familyOf(BillableCategory b) {
        return b == BillableCategory.AUTHENTICATION_INTERNATIONAL ? BillableCategory.AUTHENTICATION : b;
    }

    /** The rows of {@code tiers.csv}: by month, portfolio, market, family and day, with running counts. */
    public List<TierRow> rows() {
        TreeMap<Key, Cell> sorted = new TreeMap<>(Key.ORDER);
        for (var e : cells.entrySet()) {
            Probe k = e.getKey();
            Key key = new Key(LedgerLine.monthLabel(k.month), k.portfolio, k.market, k.family.code(),
                    LocalDate.ofEpochDay(k.day).toString());
            if (sorted.putIfAbsent(key, e.getValue()) != null)
                throw new IllegalStateException("two cells of tiers.csv print as " + key);
        }
        List<TierRow> rows = new ArrayList<>(sorted.size());
        Key previous = null;
        long running = 0;
        for (Map.Entry<Key, Cell> e : sorted.entrySet()) {
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

    /** A cell's key as the lines hand its parts over; one instance is reused to look cells up. */
    private static final class Probe {
        int month;
        String portfolio;
        String market;
        BillableCategory family;
        long day;
        int hash;

        void set(int month, String portfolio, String market, BillableCategory family, long day) {
            this.month = month;
            this.portfolio = portfolio;
            this.market = market;
            this.family = family;
            this.day = day;
            hash = (((month * 31 + Objects.hashCode(portfolio)) * 31 + Objects.hashCode(market)) * 31 + family.ordinal()) * 31
                    + Long.hashCode(day);
        }

        Probe copy() {
            Probe p = new Probe();
            p.set(month, portfolio, market, family, day);
            return p;
        }

        @Override public int hashCode() { return hash; }

        @Override public boolean equals(Object o) {
            return o instanceof Probe p && month == p.month && day == p.day && family == p.family
                    && Objects.equals(portfolio, p.portfolio) && Objects.equals(market, p.market);
        }
    }
}
