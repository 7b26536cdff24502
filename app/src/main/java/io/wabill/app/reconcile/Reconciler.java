package io.wabill.app.reconcile;

import io.wabill.app.SimulationRun;
import io.wabill.data.webhooks.MetaReport;
import io.wabill.report.CsvDialect;
import io.wabill.report.CsvWriter;
import io.wabill.report.LedgerFormat;
import io.wabill.report.OutputSet;
import io.wabill.sim.domain.PricingModel;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.Message;
import io.wabill.sim.money.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares each ledger line of a run, as it is priced, with what Meta reported for that message, field by field
 * ({@link Field}), and writes {@code mismatches.csv} (both sides, the rule ids in the ledger note that decided the
 * model's answer, and the W rule that governs the comparison), {@code conversations.csv} (the model's
 * conversations mapped to Meta's) and {@code monthly.csv}. Only messages Meta reported delivered are compared
 * on pricing: the {@code pricing} object of a message that never arrived is a forecast, not a charge.
 *
 * <p>Held in memory: Meta's reports (one per outbound message), one small record per CBP message until the
 * conversation mapping is known at the end, and the tallies.
 */
public final class Reconciler implements SimulationRun.LedgerTap {
    static final String[] MISMATCH_COLUMNS = {"message_id", "timestamp", "charged_at", "account", "customer", "market",
        "field", "model_value", "meta_value", "rule_ids", "comparison_rule", "model_pricing_type",
        "model_billable_category", "model_conversation_id", "meta_conversation_id"};

    private final MetaReports reports;
    private final OutputSet outputs;
    private final CsvDialect dialect;
    private final List<AnalyticsComparison> analytics;

    private CsvWriter mismatches;
    private Map<Field, Tally> tallies;
    private TreeMap<String, Month> months;
    private ConversationMatcher matcher;
    private List<CbpRow> cbpRows;
    private Map<Long, long[]> conversationEnds;
    /** Log-wide keys of the ledger's per-account conversation numbers. */
    private ConversationKeys conversationKeys = new ConversationKeys();
    private long outbound, reported;

    public Reconciler(MetaReports reports, List<AnalyticsComparison> analytics, OutputSet outputs, CsvDialect dialect)
            throws IOException {
        this.reports = reports;
        this.analytics = analytics;
        this.outputs = outputs;
        this.dialect = dialect;
        restart();
    }

    @Override public void restart() throws IOException {
        if (mismatches != null) mismatches.close();
        mismatches = new CsvWriter(outputs.open("mismatches.csv"), dialect);
        mismatches.row(MISMATCH_COLUMNS);
        tallies = new EnumMap<>(Field.class);
        for (Field f : Field.values()) tallies.put(f, new Tally());
        months = new TreeMap<>();
        matcher = new ConversationMatcher();
        cbpRows = new ArrayList<>();
        conversationEnds = new HashMap<>();
        conversationKeys = new ConversationKeys();
        outbound = reported = 0;
        for (AnalyticsComparison a : analytics) a.reset();
    }

    @Override public void accept(LedgerLine l) {
        for (AnalyticsComparison a : analytics) a.accept(l);
        Message m = l.message();
        if (m.isInbound()) return;
        outbound++;
        Month month = months.computeIfAbsent(l.localMonthLabel() + "|" + m.account() + "|" + l.currency(), k -> new Month());
        month.outbound++;
        if (m.isDelivered()) month.delivered++;
        if (l.type() == PricingType.REGULAR) {
            month.charged++;
            month.units = Money.add(month.units, l.amountUnits());
        }
        MetaReport r = reports.get(m.messageId());
        if (r == null || r.isEmpty()) {
            for (Tally t : tallies.values()) t.notReported++;
            return;
        }
        reported++;
        month.reported++;
        if ("regular".equalsIgnoreCase(r.pricingType())) month.metaRegular++;
        if ("true".equalsIgnoreCase(r.billable())) month.metaBillable++;
        boolean any = compareOutcome(l, r);
        if (m.isDelivered()) {
            any |= comparePricing(l, r);
        } else {
            for (Field f : new Field[] {Field.PRICING_MODEL, Field.PRICING_TYPE, Field.BILLABLE_CATEGORY,
                Field.BILLABLE_FLAG, Field.CONVERSATION, Field.WINDOW_END}) tallies.get(f).notReported++;
        }
        if (any) month.mismatched++;
    }

    private boolean comparePricing(LedgerLine l, MetaReport r) {
        boolean any = false;
        boolean carriedOver = hasRule(l.note(), "C9");
        if (!r.pricingModel().isEmpty()) {
            boolean ok = r.pricingModel().equalsIgnoreCase(l.model().name())
                    || (carriedOver && (r.pricingModel().equalsIgnoreCase("CBP") || r.pricingModel().equalsIgnoreCase("PMP")));
            any |= record(Field.PRICING_MODEL, ok, l, l.model().name(), r.pricingModel(), carriedOver ? "W3" : "", r);
        } else {
            tallies.get(Field.PRICING_MODEL).notReported++;
        }
        if (!r.pricingType().isEmpty()) {
            any |= record(Field.PRICING_TYPE, r.pricingType().equalsIgnoreCase(l.type().code()), l, l.type().code(),
                    r.pricingType(), "", r);
        } else {
            tallies.get(Field.PRICING_TYPE).notReported++;
        }
        if (!r.category().isEmpty()) {
            boolean known = io.wabill.data.webhooks.KindInference.KNOWN_CATEGORIES.contains(r.category().toLowerCase(Locale.ROOT));
            any |= record(Field.BILLABLE_CATEGORY, known && r.category().equalsIgnoreCase(l.billable().code()), l,
                    l.billable().code(), r.category(), known ? "" : "W4", r);
        } else {
            tallies.get(Field.BILLABLE_CATEGORY).notReported++;
        }
        if (!r.billable().isEmpty()) {
            String expected = expectedBillable(l);
            any |= record(Field.BILLABLE_FLAG, expected.equalsIgnoreCase(r.billable()), l, expected, r.billable(), "W1", r);
        } else {
            tallies.get(Field.BILLABLE_FLAG).notReported++;
        }
        // W2: a conversation object Meta sent under PMP is no conversation, so only CBP reports draw boundaries.
        boolean metaCbp = r.pricingModel().isEmpty() || r.pricingModel().equalsIgnoreCase("CBP");
        boolean cbp = l.model() == PricingModel.CBP && l.conversationId() != 0 && !r.conversationId().isEmpty() && metaCbp;
        if (cbp) {
            long key = conversationKeys.key(l.message().account(), l.conversationId());
            matcher.add(key, r.conversationId());
            long[] ends = conversationEnds.computeIfAbsent(key, k -> new long[] {LogRow.NONE, LogRow.NONE});
            if (ends[0] == LogRow.NONE) ends[0] = l.windowEnd();
            if (ends[1] == LogRow.NONE) ends[1] = r.conversationExpiration();
        } else {
            tallies.get(Field.CONVERSATION).notReported++;
        }
        if (r.conversationExpiration() != LogRow.NONE && isWindow(l, r)) {
            any |= record(Field.WINDOW_END, l.windowEnd() == r.conversationExpiration(), l, LedgerFormat.instant(l.windowEnd()),
                    LedgerFormat.instant(r.conversationExpiration()), "W2", r);
        } else {
            tallies.get(Field.WINDOW_END).notReported++;
        }
        if (cbp) cbpRows.add(new CbpRow(l, r, any, conversationKeys.key(l.message().account(), l.conversationId())));
        return any;
    }

    /** W2: under CBP the conversation object is the conversation; under PMP only a free entry point's is a window. */
    private static boolean isWindow(LedgerLine l, MetaReport r) {
        String model = r.pricingModel().isEmpty() ? l.model().name() : r.pricingModel();
        if (model.equalsIgnoreCase("CBP")) return true;
        return isFep(r.conversationOrigin()) || isFep(r.pricingType());
    }

    private static boolean isFep(String s) {
        return s.equalsIgnoreCase("free_entry_point") || s.equalsIgnoreCase("referral_conversion");
    }

    /**
     * W1: Meta's flag says "considered billable", not "charged". Under CBP every conversation but a free entry
     * point's is billable, free tier and free service conversations included; under PMP a message is billable
     * when it is charged.
     */
    public static String expectedBillable(LedgerLine l) {
        PricingType t = l.type();
        if (t == PricingType.UNDELIVERED || t == PricingType.REJECTED) return "false";
        if (l.model() == PricingModel.CBP) return t == PricingType.FREE_ENTRY_POINT ? "false" : "true";
        return t == PricingType.REGULAR ? "true" : "false";
    }

    /** G7 / G8: the platform refuses the message with an error code; compared where either side says so. */
    private boolean compareOutcome(LedgerLine l, MetaReport r) {
        String modelCode = l.type() == PricingType.REJECTED ? l.note().replaceAll(".*error (\\d+).*", "$1") : "";
        boolean metaRefused = r.errorCode() == 131047 || r.errorCode() == 131049;
        if (modelCode.isEmpty() && !metaRefused) {
            tallies.get(Field.DELIVERY_OUTCOME).notReported++;
            return false;
        }
        Message m = l.message();
        String model = modelCode.isEmpty() ? (m.isDelivered() ? "delivered" : "undelivered") : "rejected " + modelCode;
        String meta = m.isDelivered() ? "delivered" : m.status().code() + (r.errorCode() == 0 ? "" : " " + r.errorCode());
        boolean ok = !m.isDelivered() && !modelCode.isEmpty() && modelCode.equals(Integer.toString(r.errorCode()));
        return record(Field.DELIVERY_OUTCOME, ok, l, model, meta, "", r);
    }

    private boolean record(Field f, boolean ok, LedgerLine l, String model, String meta, String rule, MetaReport r) {
        Tally t = tallies.get(f);
        if (ok) {
            t.agree++;
            return false;
        }
        t.disagree++;
        writeMismatch(f, l.message(), l.chargedAt(), l.market(), model, meta, l.note(), rule, l.type().code(),
                l.billable().code(), LedgerFormat.conversation(l.conversationId()), r.conversationId());
        return true;
    }

    private void writeMismatch(Field f, Message m, long chargedAt, String market, String model, String meta, String note,
                               String rule, String type, String billable, String modelConversation, String metaConversation) {
        try {
            mismatches.text(m.messageId()).raw(LedgerFormat.instant(m.sendAt())).raw(LedgerFormat.instant(chargedAt))
                    .text(m.account()).text(m.customer()).text(market).raw(f.code()).text(model).text(meta).text(note)
                    .raw(rule).raw(type).raw(billable).raw(modelConversation).text(metaConversation);
            mismatches.endRow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasRule(String note, String id) {
        for (String part : note.split("[ ;]+")) if (part.equals(id)) return true;
        return false;
    }

    /** Decides the conversation field once all co-memberships are known, and writes the remaining outputs. */
    public Summary finish() throws IOException {
        Tally conv = tallies.get(Field.CONVERSATION);
        for (CbpRow row : cbpRows) {
            if (matcher.agrees(row.modelConversation, row.metaConversation)) {
                conv.agree++;
                continue;
            }
            conv.disagree++;
            String matched = matcher.match(row.modelConversation);
            writeMismatch(Field.CONVERSATION, row.message, row.chargedAt, row.market,
                    conversationKeys.cell(row.modelConversation) + " (Meta's " + (matched == null ? "none" : matched) + ")",
                    row.metaConversation, row.note, "", row.type, row.billable,
                    conversationKeys.cell(row.modelConversation), row.metaConversation);
            if (!row.alreadyMismatched) months.get(row.month).mismatched++;
        }
        mismatches.close();
        writeConversations();
        writeMonthly();
        writeAgreement();
        List<AnalyticsResult> results = new ArrayList<>();
        if (!analytics.isEmpty()) {
            try (Writer w = outputs.open("analytics-diff.csv")) {
                CsvWriter csv = new CsvWriter(w, dialect);
                csv.row(AnalyticsComparison.COLUMNS);
                for (AnalyticsComparison a : analytics) {
                    long[] r = a.write(csv);
                    results.add(new AnalyticsResult(a.response().file(), a.response().kind().name().toLowerCase(Locale.ROOT),
                            r[0], r[1], a.outOfRange()));
                }
                csv.close();
            }
        }
        return new Summary(new EnumMap<>(tallies), outbound, reported, results);
    }

    private void writeConversations() throws IOException {
        try (Writer w = outputs.open("conversations.csv")) {
            CsvWriter csv = new CsvWriter(w, dialect);
            csv.row("model_conversation", "meta_conversation", "model_members", "meta_members", "common_members",
                    "matched", "model_expiry", "meta_expiry", "expiry_agrees");
            for (var e : matcher.members().entrySet()) {
                String best = matcher.match(e.getKey());
                String shown = best != null ? best : e.getValue().firstKey();
                int members = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
                long[] ends = conversationEnds.get(e.getKey());
                csv.text(conversationKeys.name(e.getKey())).text(shown).number(members).number(matcher.metaMembers(shown))
                        .number(e.getValue().get(shown)).raw(best != null ? "yes" : "no")
                        .raw(LedgerFormat.instant(ends[0])).raw(LedgerFormat.instant(ends[1]))
                        .raw(ends[1] == LogRow.NONE ? "" : ends[0] == ends[1] ? "yes" : "no");
                csv.endRow();
            }
            csv.close();
        }
    }

    private void writeMonthly() throws IOException {
        try (Writer w = outputs.open("monthly.csv")) {
            CsvWriter csv = new CsvWriter(w, dialect);
            csv.row("month", "account", "currency", "outbound_messages", "delivered", "reported_by_meta", "model_charged",
                    "model_amount", "meta_regular", "meta_billable_true", "messages_with_mismatch");
            for (var e : months.entrySet()) {
                String[] k = e.getKey().split("\\|", -1);
                Month m = e.getValue();
                csv.raw(k[0]).text(k[1]).raw(k[2]).number(m.outbound).number(m.delivered).number(m.reported)
                        .number(m.charged).raw(LedgerFormat.amount(m.units)).number(m.metaRegular).number(m.metaBillable)
                        .number(m.mismatched);
                csv.endRow();
            }
            csv.close();
        }
    }

    private void writeAgreement() throws IOException {
        try (Writer w = outputs.open("agreement.csv")) {
            CsvWriter csv = new CsvWriter(w, dialect);
            csv.row("field", "compared", "agree", "disagree", "not_reported");
            for (var e : tallies.entrySet()) {
                Tally t = e.getValue();
                csv.raw(e.getKey().code()).number(t.compared()).number(t.agree).number(t.disagree).number(t.notReported);
                csv.endRow();
            }
            csv.close();
        }
    }

    /** One analytics response's comparison: cells that agree of all cells, and model rows outside its periods. */
    public record AnalyticsResult(String file, String kind, long agree, long cells, long outOfRange) {}

    /** The agreement per field and what the analytics comparisons found. */
    public record Summary(Map<Field, Tally> tallies, long outbound, long reported, List<AnalyticsResult> analytics) {
        public boolean fullAgreement() {
            return tallies.values().stream().allMatch(t -> t.disagree == 0)
                    && analytics.stream().allMatch(a -> a.agree() == a.cells());
        }
    }

    private static final class Month {
        long outbound, delivered, reported, charged, units, metaRegular, metaBillable, mismatched;
    }

    /** A CBP message waiting for the conversation mapping; the ledger line is reused, so its values are copied. */
    private static final class CbpRow {
        final Message message;
        final long chargedAt, modelConversation;
        final String market, note, type, billable, metaConversation, month;
        final boolean alreadyMismatched;

        CbpRow(LedgerLine l, MetaReport r, boolean alreadyMismatched, long conversationKey) {
            message = l.message();
            chargedAt = l.chargedAt();
            modelConversation = conversationKey;
            market = l.market();
            note = l.note();
            type = l.type().code();
            billable = l.billable().code();
            metaConversation = r.conversationId();
            month = l.localMonthLabel() + "|" + message.account() + "|" + l.currency();
            this.alreadyMismatched = alreadyMismatched;
        }
    }
}
