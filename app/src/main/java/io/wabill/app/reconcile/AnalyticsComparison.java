package io.wabill.app.reconcile;

import io.wabill.data.analytics.AnalyticsResponse;
import io.wabill.data.log.LogFormatException;
import io.wabill.data.log.RowError;
import io.wabill.report.CsvWriter;
import io.wabill.report.LedgerFormat;
import io.wabill.sim.domain.PricingModel;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.money.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a saved analytics response with the model's volumes and costs per period, country, category and
 * pricing type. Dimensions the response was not broken down by are summed over on both sides; phone numbers
 * and tiers are always summed over. Periods are the response's own; a model row in a gap between them takes
 * the gap's cell (of the response's period length when all periods have one), so traffic Meta did not report
 * still shows; rows before the first or after the last period are not compared and are counted.
 *
 * <p>Vocabularies differ between webhooks and analytics, and the model's are mapped to Meta's analytics
 * documentation: {@code pricing_analytics} counts delivered per-message-pricing rows, and puts every free
 * customer-service message (non-template, and utility inside the window, D2/D3) under {@code SERVICE}; free
 * entry point messages are {@code REFERRAL_CONVERSION} (Meta's parameter table), and a response that files them
 * under {@code SERVICE} (as Meta's own example does) is read the same way. {@code conversation_analytics}
 * counts conversations the model opened (B1, C2, C3), by their opening delivery, with {@code FREE_ENTRY} read as
 * {@code FREE_ENTRY_POINT}.
 */
public final class AnalyticsComparison {
    public record Key(long start, long end, String country, String category, String type) {
        static final Comparator<Key> ORDER = Comparator.comparingLong(Key::start).thenComparingLong(Key::end)
                .thenComparing(Key::country).thenComparing(Key::category).thenComparing(Key::type);
    }

    public static final class Cell {
        long metaVolume, modelVolume, modelUnits;
        BigDecimal metaCost;
    }

    private final AnalyticsResponse response;
    private final BigDecimal tolerance;
    private final long[] starts, ends;
    private final long uniform;
    private final boolean byCountry, byCategory, byType;
    private final TreeMap<Key, Cell> meta = new TreeMap<>(Key.ORDER);
    /** Model cells per account: a response is one WABA's, and the import names accounts by WABA id. */
    private final Map<String, TreeMap<Key, Cell>> model = new HashMap<>();
    /** The latest conversation number counted per account (the ledger numbers them per account). */
    private final java.util.Map<String, Long> lastConversation = new java.util.HashMap<>();
    private long outOfRange;

    public AnalyticsComparison(AnalyticsResponse response, BigDecimal tolerance) {
        this.response = response;
        this.tolerance = tolerance;
        TreeSet<long[]> periods = new TreeSet<>(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
        boolean c = false, g = false, t = false;
        for (AnalyticsResponse.DataPoint p : response.points()) {
            periods.add(new long[] {p.start(), p.end()});
            c |= !p.country().isEmpty();
            g |= !p.category().isEmpty();
            t |= !p.type().isEmpty();
        }
        byCountry = c;
        byCategory = g;
        byType = t;
        starts = new long[periods.size()];
        ends = new long[periods.size()];
        int i = 0;
        long length = -1;
        for (long[] p : periods) {
            if (i > 0 && p[0] < ends[i - 1])
                throw new LogFormatException(new RowError(response.file(), 0, "data_points", "", "periods overlap: "
                        + LedgerFormat.instant(p[0]) + " starts before " + LedgerFormat.instant(ends[i - 1])));
            starts[i] = p[0];
            ends[i] = p[1];
            length = i == 0 ? p[1] - p[0] : (length == p[1] - p[0] ? length : 0);
            i++;
        }
        uniform = Math.max(length, 0);
        for (AnalyticsResponse.DataPoint p : response.points()) {
            String category = p.category(), type = p.type();
            // W5: REFERRAL_CONVERSION, FREE_ENTRY and FREE_ENTRY_POINT name one thing, as a type or as a category.
            if (freeEntryName(type)) type = "FREE_ENTRY_POINT";
            if (freeEntryName(category) || (type.equals("FREE_ENTRY_POINT") && category.equals("SERVICE")))
                category = "REFERRAL_CONVERSION";
            Cell cell = meta.computeIfAbsent(new Key(p.start(), p.end(), p.country(), category, type), k -> new Cell());
            cell.metaVolume += p.volume();
            if (p.cost() != null) cell.metaCost = cell.metaCost == null ? p.cost() : cell.metaCost.add(p.cost());
        }
    }

    private static boolean freeEntryName(String name) {
        return name.equals("FREE_ENTRY") || name.equals("FREE_ENTRY_POINT") || name.equals("REFERRAL_CONVERSION");
    }

    /** Forgets the model's side (the run starts over). */
    public void reset() {
        model.clear();
        lastConversation.clear();
        outOfRange = 0;
    }

    public void accept(LedgerLine l) {
        if (l.message().isInbound() || l.chargedAt() == LogRow.NONE || starts.length == 0) return;
        PricingType type = l.type();
        String category, typeCode;
        if (response.kind() == AnalyticsResponse.Kind.PRICING) {
            if (l.model() != PricingModel.PMP) return;
            category = switch (type) {
                case FREE_CUSTOMER_SERVICE -> "SERVICE";
                case FREE_ENTRY_POINT -> "REFERRAL_CONVERSION";
                default -> upper(l.billable().code());
            };
            typeCode = upper(type.code());
        } else {
            if (l.model() != PricingModel.CBP || l.conversationId() <= lastConversation.getOrDefault(l.message().account(), 0L)) return;
            // an account's ids grow as its conversations open: a larger id is a new one
            lastConversation.put(l.message().account(), l.conversationId());
            category = type == PricingType.FREE_ENTRY_POINT ? "REFERRAL_CONVERSION" : upper(l.billable().code());
            typeCode = upper(type.code());
        }
        long[] period = period(l.chargedAt());
        if (period == null) {
            outOfRange++;
            return;
        }
        Key key = new Key(period[0], period[1], byCountry ? nz(l.country()) : "", byCategory ? category : "",
                byType ? typeCode : "");
        Cell cell = model.computeIfAbsent(l.message().account(), a -> new TreeMap<>(Key.ORDER))
                .computeIfAbsent(key, k -> new Cell());
        cell.modelVolume++;
        cell.modelUnits = Money.add(cell.modelUnits, l.amountUnits());
    }

    /** The response period holding {@code t}, a gap cell, or null outside the response's range. */
    private long[] period(long t) {
        if (t < starts[0] || t >= ends[ends.length - 1]) return null;
        int lo = 0, hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= t) lo = mid;
            else hi = mid - 1;
        }
        if (t < ends[lo]) return new long[] {starts[lo], ends[lo]};
        if (uniform > 0) {
            long s = starts[0] + Math.floorDiv(t - starts[0], uniform) * uniform;
            return new long[] {s, s + uniform};
        }
        return new long[] {ends[lo], starts[lo + 1]};
    }

    /** Writes one row per cell either side has; returns {agreeing cells, all cells}. */
    public long[] write(CsvWriter csv) throws IOException {
        TreeMap<Key, Cell> mine = model.get(response.waba());
        if (mine == null) { // the log's accounts are not named by this WABA id: compare all of them
            mine = new TreeMap<>(Key.ORDER);
            for (TreeMap<Key, Cell> cells : model.values()) {
                for (var e : cells.entrySet()) {
                    Cell c = mine.computeIfAbsent(e.getKey(), k -> new Cell());
                    c.modelVolume += e.getValue().modelVolume;
                    c.modelUnits = Money.add(c.modelUnits, e.getValue().modelUnits);
                }
            }
        }
        TreeMap<Key, Cell> all = new TreeMap<>(Key.ORDER);
        for (var e : meta.entrySet()) {
            Cell c = all.computeIfAbsent(e.getKey(), k -> new Cell());
            c.metaVolume = e.getValue().metaVolume;
            c.metaCost = e.getValue().metaCost;
        }
        for (var e : mine.entrySet()) {
            Cell c = all.computeIfAbsent(e.getKey(), k -> new Cell());
            c.modelVolume = e.getValue().modelVolume;
            c.modelUnits = e.getValue().modelUnits;
        }
        long agree = 0;
        for (var e : all.entrySet()) {
            Key k = e.getKey();
            Cell c = e.getValue();
            BigDecimal modelCost = Money.toDecimal(c.modelUnits);
            BigDecimal diff = c.metaCost == null ? null : modelCost.subtract(c.metaCost);
            boolean ok = c.metaVolume == c.modelVolume && (diff == null || diff.abs().compareTo(tolerance) <= 0);
            if (ok) agree++;
            csv.text(response.file()).raw(response.kind().name().toLowerCase(Locale.ROOT))
                    .raw(LedgerFormat.instant(k.start())).raw(LedgerFormat.instant(k.end()))
                    .text(k.country()).text(k.category()).text(k.type())
                    .number(c.metaVolume).number(c.modelVolume)
                    .raw(c.metaCost == null ? "" : c.metaCost.toPlainString()).raw(LedgerFormat.amount(c.modelUnits))
                    .raw(diff == null ? "" : diff.stripTrailingZeros().toPlainString())
                    .raw(ok ? "yes" : "no");
            csv.endRow();
        }
        return new long[] {agree, all.size()};
    }

    long outOfRange() { return outOfRange; }

    AnalyticsResponse response() { return response; }

    static final String[] COLUMNS = {"analytics_file", "kind", "period_start", "period_end", "country", "category",
        "pricing_type", "meta_volume", "model_volume", "meta_cost", "model_cost", "cost_difference", "agree"};

    private static String upper(String s) { return s.toUpperCase(Locale.ROOT); }

    private static String nz(String s) { return s == null ? "" : s; }
}
