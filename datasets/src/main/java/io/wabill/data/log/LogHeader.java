package io.wabill.data.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Column positions of a log's header, matched case-insensitively; unknown columns are ignored. */
final class LogHeader {
    static final List<String> REQUIRED = List.of("timestamp", "business", "customer", "direction", "kind");
    static final List<String> KNOWN = List.of("timestamp", "message_id", "business", "customer", "direction", "kind",
            "category", "entry_point", "status", "delivered_at", "template", "tokens", "account", "portfolio");
    /** Every column the reader takes a value from, imported webhook facts included. */
    static final List<String> READ = List.of("timestamp", "message_id", "business", "customer", "direction", "kind",
            "category", "entry_point", "status", "delivered_at", "template", "tokens", "account", "portfolio",
            "meta_conversation_expiration", "meta_conversation_origin", "meta_pricing_type");

    /** The header's cells as written, trimmed, for naming a column in messages. */
    private final List<String> names;
    final int timestamp, messageId, business, customer, direction, kind, category, entryPoint, status, deliveredAt,
            template, tokens, account, portfolio;
    /** What an imported webhook reported about a free entry point window (D5, W2); -1 when absent. */
    final int reportedExpiry, reportedOrigin, reportedPricingType;

    private LogHeader(Map<String, Integer> pos, List<String> names) {
        this.names = names;
        timestamp = pos.getOrDefault("timestamp", -1);
        messageId = pos.getOrDefault("message_id", -1);
        business = pos.getOrDefault("business", -1);
        customer = pos.getOrDefault("customer", -1);
        direction = pos.getOrDefault("direction", -1);
        kind = pos.getOrDefault("kind", -1);
        category = pos.getOrDefault("category", -1);
        entryPoint = pos.getOrDefault("entry_point", -1);
        status = pos.getOrDefault("status", -1);
        deliveredAt = pos.getOrDefault("delivered_at", -1);
        template = pos.getOrDefault("template", -1);
        tokens = pos.getOrDefault("tokens", -1);
        account = pos.getOrDefault("account", -1);
        portfolio = pos.getOrDefault("portfolio", -1);
        reportedExpiry = pos.getOrDefault("meta_conversation_expiration", -1);
        reportedOrigin = pos.getOrDefault("meta_conversation_origin", -1);
        reportedPricingType = pos.getOrDefault("meta_pricing_type", -1);
    }

    /**
     * Reads the header cells; returns the names of missing required columns through {@code missing} and of
     * columns the log reads that appear more than once through {@code repeated} (which of two {@code customer}
     * columns is meant cannot be guessed). Unknown columns may repeat: they are not read.
     */
    static LogHeader of(List<String> cells, List<String> missing, List<String> repeated) {
        Map<String, Integer> pos = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).trim().toLowerCase(Locale.ROOT);
            if (i == 0 && !name.isEmpty() && name.charAt(0) == '\uFEFF') name = name.substring(1);
            names.add(name);
            if (pos.putIfAbsent(name, i) != null && READ.contains(name) && !repeated.contains(name)) repeated.add(name);
        }
        for (String r : REQUIRED) if (!pos.containsKey(r)) missing.add(r);
        return new LogHeader(pos, List.copyOf(names));
    }

    /** Column {@code i} as messages name it: its header name, or its number when the header has none there. */
    String name(int i) {
        String n = i < names.size() ? names.get(i) : "";
        return n.isEmpty() ? "#" + (i + 1) : n;
    }
}
