package io.wabill.app;

import io.wabill.sim.account.AccountBook;
import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.money.Money;
import io.wabill.sim.rates.Band;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one forecast run's ledger adds up to, per (local month, market, billable category, currency): the
 * messages of that category (charged and free) and the exact amount, and for volume-tiered categories the
 * local day each band was first used, i.e. the day the month's counter crossed the band's lower bound (D6).
 * Lines of months outside the forecast (the edges of markets in other time zones) are left out.
 */
public final class RunLedger implements LedgerSink {
    /** One cell's key, as printed. */
    public record Key(String month, String market, String category, String currency) implements Comparable<Key> {
        private static final java.util.Comparator<Key> ORDER = java.util.Comparator.comparing(Key::month)
                .thenComparing(Key::market).thenComparing(Key::category).thenComparing(Key::currency);

        @Override public int compareTo(Key o) { return ORDER.compare(this, o); }
    }

    /** Messages and amount (10^-8 units) of a cell, and the first local epoch day of each band by lower bound. */
    public static final class Cell {
        long messages;
        long units;
        final TreeMap<Long, Long> bandFirstDay = new TreeMap<>();
        /** The lower bound of the last band recorded, so a run of lines in one band looks nothing up. */
        long lastBand = Long.MIN_VALUE;
    }

    /** The cell of the previous line: lines come in runs of one cell, so most need no map lookup (nor a boxed key). */
    private long lastKey = -1;
    /** A string no line carries (compared by identity), so the first line always looks its names up. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String UNSET = new String("unset");
    private String lastMarketName = UNSET, lastCurrencyName = UNSET;
    private int lastMarket, lastCurrency;
    private Cell lastCell;

    private final int firstMonth, endMonth;
    private final AccountBook accounts;
    private final Map<String, Integer> marketIds = new HashMap<>();
    private final Map<String, Integer> currencyIds = new HashMap<>();
    private final Map<Long, Cell> cells = new HashMap<>();
    private final Map<Long, Key> keys = new HashMap<>();

    /** @param firstMonth first local month index ({@code year * 12 + month - 1}) kept; {@code endMonth} the first one not kept */
    public RunLedger(int firstMonth, int endMonth, AccountBook accounts) {
        this.firstMonth = firstMonth;
        this.endMonth = endMonth;
        this.accounts = accounts;
    }

    @Override public void accept(LedgerLine line) {
        BillableCategory billable = line.billable();
        if (billable == BillableCategory.NONE) return;
        int month = line.localMonth();
        if (month < firstMonth || month >= endMonth) return;
        // The engine hands over the same market and currency strings line after line: compared by identity first.
        String marketName = line.market(), currencyName = line.currency();
        if (marketName != lastMarketName) {
            lastMarket = id(marketIds, marketName);
            lastMarketName = marketName;
        }
        if (currencyName != lastCurrencyName) {
            lastCurrency = id(currencyIds, currencyName);
            lastCurrencyName = currencyName;
        }
        int market = lastMarket, currency = lastCurrency;
        long k = ((long) month << 40) | ((long) market << 20) | ((long) currency << 8) | billable.ordinal();
        Cell c = k == lastKey ? lastCell : cells.get(k);
        if (c == null) {
            c = new Cell();
            cells.put(k, c);
            keys.put(k, new Key(line.localMonthLabel(), line.market(), billable.code(), line.currency()));
        }
        lastKey = k;
        lastCell = c;
        c.messages++;
        c.units = Money.add(c.units, line.amountUnits());
        Band band = line.band();
        if (band != null && line.type() == PricingType.REGULAR && band.from() != c.lastBand) {
            c.lastBand = band.from();
            if (!c.bandFirstDay.containsKey(band.from())) {
                var zone = accounts.get(line.message().account()).zone();
                c.bandFirstDay.put(band.from(), Instant.ofEpochMilli(line.chargedAt()).atZone(zone).toLocalDate().toEpochDay());
            }
        }
    }

    private static int id(Map<String, Integer> ids, String name) {
        Integer id = ids.get(name);
        if (id == null) {
            id = ids.size();
            ids.put(name, id);
        }
        return id;
    }

    /** The run's cells by printed key, sorted. */
    public TreeMap<Key, Cell> result() {
        TreeMap<Key, Cell> out = new TreeMap<>();
        for (Map.Entry<Long, Cell> e : cells.entrySet()) out.put(keys.get(e.getKey()), e.getValue());
        return out;
    }
}
