package io.wabill.data.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** What an import read and wrote, for the import report; every payload and status is accounted for. */
public final class ImportReport {
    long files, payloads, badPayloads, inboundMessages, inboundDuplicates, calls, statuses, statusesMerged,
            lateStatusRows, lateStatusesIgnored, outboundMessages, unresolvedMessages, rowsWritten, rowsOutOfOrder, peakPending, peakBuffered;
    final Map<String, Long> unknownCategories = new TreeMap<>();
    final Map<KindInference.Basis, Long> kindBasis = new java.util.EnumMap<>(KindInference.Basis.class);
    PayloadParser.Skipped skipped;

    public long payloads() { return payloads; }

    public long badPayloads() { return badPayloads; }

    public long outboundMessages() { return outboundMessages; }

    public long rowsWritten() { return rowsWritten; }

    public long rowsOutOfOrder() { return rowsOutOfOrder; }

    public long unresolvedMessages() { return unresolvedMessages; }

    public Map<String, Long> unknownCategories() { return unknownCategories; }

    /** Every figure as (item, value), in a stable order; unknown categories (W4) as {@code unknown_category:NAME}. */
    public Map<String, Long> items() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("files", files);
        m.put("payloads_read", payloads);
        m.put("bad_payloads", badPayloads);
        m.put("inbound_messages", inboundMessages);
        m.put("inbound_calls", calls);
        m.put("inbound_duplicates_dropped", inboundDuplicates);
        m.put("statuses_read", statuses);
        m.put("statuses_merged", statusesMerged);
        m.put("late_status_rows_written", lateStatusRows);
        m.put("late_statuses_without_news", lateStatusesIgnored);
        m.put("outbound_messages", outboundMessages);
        for (KindInference.Basis b : KindInference.Basis.values())
            if (b != KindInference.Basis.UNRESOLVED)
                m.put("kind_from_" + b.name().toLowerCase(java.util.Locale.ROOT), kindBasis.getOrDefault(b, 0L));
        m.put("messages_not_written_unknown_kind", unresolvedMessages);
        m.put("rows_written", rowsWritten);
        m.put("rows_out_of_time_order", rowsOutOfOrder);
        m.put("peak_pending_messages", peakPending);
        m.put("peak_buffered_rows", peakBuffered);
        if (skipped != null) {
            m.put("system_messages_skipped", skipped.systemMessages);
            m.put("group_statuses_skipped", skipped.groupStatuses);
            m.put("other_statuses_skipped", skipped.otherStatuses);
            m.put("business_calls_skipped", skipped.businessCalls);
            m.put("referrals_of_unknown_source", skipped.unknownReferrals);
        }
        for (var e : unknownCategories.entrySet()) m.put("unknown_category:" + e.getKey(), e.getValue());
        return m;
    }
}
