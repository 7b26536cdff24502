package io.wabill.data.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabill.sim.account.Account;
import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.market.CountryResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one WhatsApp Cloud API webhook payload ({@code {"object": "whatsapp_business_account", "entry": [{"id":
 * WABA, "changes": [{"value": {...}}]}]}}) into user messages, user calls and message statuses. A payload is used
 * whole or not at all: the first field that cannot be read makes it a bad payload, so a half-read payload never
 * reaches the log.
 *
 * <p>Field names follow Meta's messages and status webhook references: {@code metadata.display_phone_number} /
 * {@code phone_number_id}; {@code messages[]} with {@code from} (or the business-scoped {@code from_user_id}),
 * {@code id}, {@code timestamp} (epoch seconds), {@code type}, {@code referral.source_type} ({@code ad} or
 * {@code post}) and {@code referral.ctwa_clid}; {@code calls[]} with {@code from}, {@code id}, {@code timestamp},
 * {@code direction}; {@code statuses[]} with {@code id}, {@code status}, {@code timestamp}, {@code recipient_id}
 * (or {@code recipient_user_id}), {@code conversation}, {@code pricing}, {@code errors[]}.
 */
public final class PayloadParser {
    /** Counts of things a payload held that are not messages the model prices; for the import report. */
    public static final class Skipped {
        long systemMessages, groupStatuses, otherStatuses, businessCalls, unknownReferrals;
    }

    private final Skipped skipped = new Skipped();

    public Skipped skipped() { return skipped; }

    /** The events of one payload, in payload order. */
    public List<Object> parse(JsonNode payload, String file, long line) throws BadPayloadException {
        if (!payload.isObject()) throw new BadPayloadException("", text(payload), "a payload is a JSON object");
        JsonNode object = payload.get("object");
        if (object != null && !"whatsapp_business_account".equals(object.asText()))
            throw new BadPayloadException("object", object.asText(), "expected whatsapp_business_account");
        JsonNode entries = payload.get("entry");
        if (entries == null || !entries.isArray())
            throw new BadPayloadException("entry", "", "a payload needs an entry[] array");
        List<Object> events = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            JsonNode entry = entries.get(e);
            String where = "entry[" + e + "]";
            String account = optional(entry, "id");
            if (account.isEmpty()) account = Account.DEFAULT_ID;
            JsonNode changes = entry.get("changes");
            if (changes == null || !changes.isArray())
                throw new BadPayloadException(where + ".changes", "", "an entry needs a changes[] array");
            for (int c = 0; c < changes.size(); c++) {
                JsonNode value = changes.get(c).get("value");
                String at = where + ".changes[" + c + "].value";
                if (value == null || !value.isObject()) throw new BadPayloadException(at, "", "a change needs a value object");
                change(value, at, account, file, line, events);
            }
        }
        return events;
    }

    private void change(JsonNode value, String at, String account, String file, long line, List<Object> out)
            throws BadPayloadException {
        JsonNode metadata = value.get("metadata");
        String business = metadata == null ? "" : optional(metadata, "display_phone_number");
        if (business.isEmpty() && metadata != null) business = optional(metadata, "phone_number_id");
        boolean hasEvents = value.has("messages") || value.has("statuses") || value.has("calls");
        if (hasEvents && business.isEmpty())
            throw new BadPayloadException(at + ".metadata", "", "metadata.display_phone_number or phone_number_id is needed");
        business = business.startsWith("+") ? business.substring(1) : business;
        int index = 0;
        for (JsonNode m : array(value, "messages", at)) {
            String where = at + ".messages[" + index++ + "]";
            String type = optional(m, "type");
            if (type.equals("system")) { // a notice from WhatsApp (user changed number), not a user message
                skipped.systemMessages++;
                continue;
            }
            String customer = customer(m, "from", "from_user_id", where);
            String id = required(m, "id", where);
            long ts = epochSeconds(m, "timestamp", where);
            MessageKind kind = type.equals("call") ? MessageKind.CALL : MessageKind.MESSAGE;
            out.add(new InboundEvent(account, business, customer, id, ts, kind, entryPoint(m.get("referral")), file, line));
        }
        for (JsonNode call : array(value, "calls", at)) {
            String where = at + ".calls";
            String direction = optional(call, "direction");
            // Only a user's call opens the customer service window (G6); the business's own calls do not.
            if (!direction.isEmpty() && !direction.equalsIgnoreCase("USER_INITIATED")) {
                skipped.businessCalls++;
                continue;
            }
            String customer = customer(call, "from", "from_user_id", where);
            out.add(new InboundEvent(account, business, customer, required(call, "id", where),
                    epochSeconds(call, "timestamp", where), MessageKind.CALL, EntryPoint.NONE, file, line));
        }
        JsonNode statuses = value.get("statuses");
        if (statuses != null && !statuses.isArray()) throw new BadPayloadException(at + ".statuses", "", "expected an array");
        for (int i = 0; statuses != null && i < statuses.size(); i++) {
            JsonNode s = statuses.get(i);
            String where = at + ".statuses[" + i + "]";
            if ("group".equals(optional(s, "recipient_type"))) { // group messages are not priced by these rules
                skipped.groupStatuses++;
                continue;
            }
            String id = required(s, "id", where);
            String statusText = required(s, "status", where);
            DeliveryStatus status = status(statusText);
            long ts = epochSeconds(s, "timestamp", where);
            if (status == null) { // deleted, warning, ...: nothing the pricing rules use
                skipped.otherStatuses++;
                continue;
            }
            String customer = customer(s, "recipient_id", "recipient_user_id", where);
            out.add(new StatusEvent(account, business, customer, id, status, ts, report(s, where), file, line));
        }
    }

    private static DeliveryStatus status(String text) {
        // "played" (a voice message was played) comes after read and says no more about delivery.
        if (text.equalsIgnoreCase("played")) return DeliveryStatus.READ;
        return DeliveryStatus.parse(text);
    }

    private static MetaReport report(JsonNode s, String where) throws BadPayloadException {
        String billable = "", model = "", category = "", type = "", convId = "", origin = "";
        long expiration = LogRow.NONE;
        int error = 0;
        JsonNode pricing = s.get("pricing");
        if (pricing != null && pricing.isObject()) {
            JsonNode b = pricing.get("billable");
            if (b != null && !b.isNull()) {
                String t = b.asText().toLowerCase(Locale.ROOT);
                if (!t.equals("true") && !t.equals("false"))
                    throw new BadPayloadException(where + ".pricing.billable", t, "expected true or false");
                billable = t;
            }
            model = optional(pricing, "pricing_model");
            category = optional(pricing, "category");
            type = optional(pricing, "type");
        }
        JsonNode conversation = s.get("conversation");
        if (conversation != null && conversation.isObject()) {
            convId = optional(conversation, "id");
            if (conversation.hasNonNull("expiration_timestamp"))
                expiration = epochSeconds(conversation, "expiration_timestamp", where + ".conversation");
            JsonNode o = conversation.get("origin");
            if (o != null && o.isObject()) origin = optional(o, "type");
        }
        JsonNode errors = s.get("errors");
        if (errors != null && errors.isArray() && errors.size() > 0 && errors.get(0).hasNonNull("code")) {
            error = errors.get(0).get("code").asInt(0);
        }
        return new MetaReport(billable, model, category, type, convId, expiration, origin, error);
    }

    /** A click-to-WhatsApp ad ({@code source_type: ad}, or a {@code ctwa_clid}) is a free entry point; a post is not. */
    private EntryPoint entryPoint(JsonNode referral) {
        if (referral == null || !referral.isObject()) return EntryPoint.NONE;
        String source = optional(referral, "source_type").toLowerCase(Locale.ROOT);
        if (source.equals("ad") || !optional(referral, "ctwa_clid").isEmpty()) return EntryPoint.CTWA;
        if (source.equals("post")) return EntryPoint.POST;
        skipped.unknownReferrals++;
        return EntryPoint.NONE;
    }

    /** The user's number, else their business-scoped user id ({@code CC.xxxx}), which the log accepts too. */
    private static String customer(JsonNode node, String numberField, String scopedField, String where)
            throws BadPayloadException {
        String number = optional(node, numberField);
        if (!number.isEmpty()) {
            if (CountryResolver.digitsOf(number) == null && !CountryResolver.isScopedUserId(number))
                throw new BadPayloadException(where + "." + numberField, number, "expected the user's number in E.164 digits");
            return number.startsWith("+") ? number.substring(1) : number;
        }
        String scoped = optional(node, scopedField);
        if (!scoped.isEmpty()) {
            if (!CountryResolver.isScopedUserId(scoped))
                throw new BadPayloadException(where + "." + scopedField, scoped, "expected a business-scoped user id such as BR.1502576394655843");
            return scoped;
        }
        throw new BadPayloadException(where + "." + numberField, "", "the user's number (" + numberField + ") or "
                + scopedField + " is needed");
    }

    private static Iterable<JsonNode> array(JsonNode value, String field, String at) throws BadPayloadException {
        JsonNode a = value.get(field);
        if (a == null || a.isNull()) return List.of();
        if (!a.isArray()) throw new BadPayloadException(at + "." + field, "", "expected an array");
        return a;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText().trim();
    }

    private static String required(JsonNode node, String field, String where) throws BadPayloadException {
        String v = optional(node, field);
        if (v.isEmpty()) throw new BadPayloadException(where + "." + field, "", field + " is required");
        return v;
    }

    /** Meta sends epoch seconds, as a string or a number. */
    private static long epochSeconds(JsonNode node, String field, String where) throws BadPayloadException {
        String v = required(node, field, where);
        if (v.length() > 11 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9'))
            throw new BadPayloadException(where + "." + field, v, "expected epoch seconds");
        return Long.parseLong(v) * 1000L;
    }

    private static String text(JsonNode n) {
        String t = n.toString();
        return t.length() > 60 ? t.substring(0, 60) : t;
    }
}
