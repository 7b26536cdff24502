package io.wabill.data.traffic;

import io.wabill.sim.account.Account;
import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.LogRowFields;
import io.wabill.sim.events.RowBuffer;
import java.util.function.Consumer;

/**
 * Hands generated rows to the pricing model exactly as {@link io.wabill.data.log.LogReader} would read them back from
 * the file {@link LogCsvWriter} writes (same ids, numbers, statuses, line numbers), so a forecast priced in memory
 * equals {@code simulate} of the generated log: as {@link LogRow}s to keep, or ({@link #reusing}) in one
 * {@link RowBuffer} filled again for every row, for a consumer that copies what it keeps (a pricing session).
 */
public final class LogRowSink implements TrafficSink {
    private static final MessageKind[] KIND = {MessageKind.MESSAGE, MessageKind.CALL, MessageKind.TEMPLATE,
        MessageKind.FREE_FORM, MessageKind.REACTION, MessageKind.AGENT};
    private static final TemplateCategory[] CATEGORY = {null, TemplateCategory.MARKETING, TemplateCategory.UTILITY,
        TemplateCategory.AUTHENTICATION};
    private static final DeliveryStatus[] STATUS = {null, DeliveryStatus.DELIVERED, DeliveryStatus.READ, DeliveryStatus.FAILED};

    private final String file;
    private final Consumer<? super LogRowFields> out;
    private final RowBuffer row = new RowBuffer();
    private final String[] businesses;
    private final String[][] templates;
    private final String account;
    private final CustomerNumbers[] numbers;
    /**
     * Each customer's number as one String, made once: a run writes a customer's number on every one of their
     * rows, and the engine hashes it on each; one shared instance keeps its cached hash. Up to
     * {@link #CACHED} customers a market; beyond that numbers are made per row.
     */
    private final String[][] cache;
    static final int CACHED = 1 << 21;

    /**
     * Customers' number strings kept from one sink to the next, for a caller that generates run after run of the same
     * markets on one thread (a forecast): each number is made once per thread, not once per run, and its string stays
     * where the processor has seen it. Not thread-safe: one per thread. A market whose prefix, length or place in the
     * model differs from the one the cache holds starts its list over, so a cache never gives another market's numbers.
     */
    public static final class NumberCache {
        private String[][] numbers = new String[0][];
        private String[] keys = new String[0];

        String[] market(int index, MarketTraffic m) {
            String key = index + ":" + m.numberPrefix() + ":" + m.numberLength();
            if (index >= numbers.length) {
                numbers = java.util.Arrays.copyOf(numbers, index + 1);
                keys = java.util.Arrays.copyOf(keys, index + 1);
            }
            if (!key.equals(keys[index])) {
                keys[index] = key;
                numbers[index] = new String[0];
            }
            return numbers[index];
        }

        void grown(int index, String[] list) { numbers[index] = list; }
    }

    private final NumberCache shared;
    private long line = 1;
    private boolean ids = true;

    /**
     * Leaves business messages without their message id. A generated message is one row with its status inline, so
     * its id only names it: without one the pricing model takes it as a message of one row straight away instead of
     * keeping it among the open ids and remembering it for the status horizon, and prices it the same (the
     * priced amounts, categories and instants do not depend on ids). For a forecast, whose ledger is not written;
     * not when a strategy reads ids ({@code reclassify} picks messages by a hash of theirs).
     */
    public LogRowSink withoutMessageIds() {
        this.ids = false;
        return this;
    }

    public LogRowSink(String file, TrafficModel model, Consumer<LogRow> out) { this(file, model, out, null); }

    /** A sink whose customers' number strings come from, and go to, {@code numberCache} (null: this sink's own). */
    public LogRowSink(String file, TrafficModel model, Consumer<LogRow> out, NumberCache numberCache) {
        this(file, model, numberCache, (LogRowFields row) -> out.accept(row.toLogRow()));
    }

    /**
     * A sink that gives every row in one buffer, valid only during the call ({@link RowBuffer}): no object per
     * generated row, for a consumer that keeps nothing of a row but copies, such as
     * {@link io.wabill.sim.api.PricingSession#accept}.
     */
    public static LogRowSink reusing(String file, TrafficModel model, Consumer<? super LogRowFields> out,
                                     NumberCache numberCache) {
        return new LogRowSink(file, model, numberCache, out);
    }

    private LogRowSink(String file, TrafficModel model, NumberCache numberCache, Consumer<? super LogRowFields> out) {
        this.file = file;
        this.shared = numberCache;
        this.out = out;
        this.businesses = model.businesses().toArray(new String[0]);
        this.account = model.account() == null ? Account.DEFAULT_ID : model.account();
        this.numbers = new CustomerNumbers[model.markets().size()];
        this.templates = new String[numbers.length][];
        this.cache = new String[numbers.length][0];
        for (int i = 0; i < numbers.length; i++) {
            MarketTraffic m = model.markets().get(i);
            numbers[i] = new CustomerNumbers(m.numberPrefix(), m.numberLength(), i);
            templates[i] = new String[] {null, m.marketing().template(), m.utility().template(), m.authentication().template()};
            if (shared != null) cache[i] = shared.market(i, m);
        }
    }

    private String number(int market, long customer) {
        if (customer >= CACHED) return numbers[market].number(customer);
        String[] c = cache[market];
        int i = (int) customer;
        if (i >= c.length) {
            c = cache[market] = java.util.Arrays.copyOf(c, Math.min(CACHED, Math.max(i + 1, c.length * 2)));
            if (shared != null) shared.grown(market, c);
        }
        String n = c[i];
        if (n == null) n = c[i] = numbers[market].number(customer);
        return n;
    }

    @Override public void row(GeneratedRow r) {
        line++;
        boolean inbound = r.inbound();
        boolean template = r.type == GeneratedRow.TEMPLATE;
        long delivered = r.deliveredAt >= 0 ? r.deliveredAt * 1000 : LogRow.NONE;
        out.accept(row.set(file, 0, line, r.at * 1000, inbound || !ids ? null : LogCsvWriter.MESSAGE_ID_PREFIX + r.messageNo,
                account, null, businesses[LogCsvWriter.businessOf(r.customer, businesses.length)],
                number(r.market, r.customer), inbound ? Direction.INBOUND : Direction.OUTBOUND, KIND[r.type],
                template ? CATEGORY[r.category] : null, r.ctwa ? EntryPoint.CTWA : EntryPoint.NONE, STATUS[r.status],
                delivered, template ? templates[r.market][r.category] : null,
                r.type == GeneratedRow.AGENT ? r.tokens : -1, LogRow.NONE));
    }
}
