package io.wabill.data.webhooks;

import java.time.Instant;

/** Builds webhook payloads (Meta's field structure, made-up values) as JSON text, for tests. */
final class Payloads {
    static final String BUSINESS = "15550001111";

    private Payloads() {}

    static long at(String iso) { return Instant.parse(iso).getEpochSecond(); }

    static String wrap(String valueFields) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"200000000000001\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"" + BUSINESS
                + "\",\"phone_number_id\":\"100000000000001\"}," + valueFields + "},\"field\":\"messages\"}]}]}";
    }

    static String inbound(String id, String from, String iso, String referral) {
        return wrap("\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + id + "\",\"timestamp\":\"" + at(iso)
                + "\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}" + (referral == null ? "" : ",\"referral\":" + referral) + "}]");
    }

    static String status(String id, String status, String iso, String to, String pricing, String conversation, String errors) {
        StringBuilder s = new StringBuilder("{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"timestamp\":\"" + at(iso)
                + "\",\"recipient_id\":\"" + to + "\"");
        if (conversation != null) s.append(",\"conversation\":").append(conversation);
        if (pricing != null) s.append(",\"pricing\":").append(pricing);
        if (errors != null) s.append(",\"errors\":").append(errors);
        return wrap("\"statuses\":[" + s + "}]");
    }

    static String pmp(String category, String type, boolean billable) {
        return "{\"billable\":" + billable + ",\"pricing_model\":\"PMP\",\"category\":\"" + category + "\",\"type\":\"" + type + "\"}";
    }

    static String cbp(String category) {
        return "{\"billable\":true,\"pricing_model\":\"CBP\",\"category\":\"" + category + "\"}";
    }

    static String conversation(String id, String origin, String expiresIso) {
        return "{\"id\":\"" + id + "\"" + (expiresIso == null ? "" : ",\"expiration_timestamp\":\"" + at(expiresIso) + "\"")
                + ",\"origin\":{\"type\":\"" + origin + "\"}}";
    }
}
