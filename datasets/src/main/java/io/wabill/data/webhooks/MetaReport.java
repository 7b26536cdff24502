package io.wabill.data.webhooks;

import io.wabill.sim.events.LogRow;

/**
 * What Meta reported about one outbound message in its status webhooks, kept as reported (W4): the
 * {@code pricing} object ({@code billable}, {@code pricing_model}, {@code category}, {@code type}), the
 * {@code conversation} object ({@code id}, {@code expiration_timestamp}, {@code origin.type}) and the first
 * error code of a failed status. Empty strings, {@link LogRow#NONE} and 0 mark what Meta did not send.
 */
public record MetaReport(String billable, String pricingModel, String category, String pricingType,
                         String conversationId, long conversationExpiration, String conversationOrigin, int errorCode) {
    public static final MetaReport EMPTY = new MetaReport("", "", "", "", "", LogRow.NONE, "", 0);

    /** The log columns that carry a report, in the order they are written (after the canonical columns). */
    public static final java.util.List<String> COLUMNS = java.util.List.of("meta_billable", "meta_pricing_model",
            "meta_category", "meta_pricing_type", "meta_conversation_id", "meta_conversation_expiration",
            "meta_conversation_origin", "meta_error_code");

    /** Field by field, this report's value where it has one, else {@code other}'s (statuses of one message). */
    public MetaReport orElse(MetaReport other) {
        return new MetaReport(pick(billable, other.billable), pick(pricingModel, other.pricingModel),
                pick(category, other.category), pick(pricingType, other.pricingType),
                pick(conversationId, other.conversationId),
                conversationExpiration != LogRow.NONE ? conversationExpiration : other.conversationExpiration,
                pick(conversationOrigin, other.conversationOrigin), errorCode != 0 ? errorCode : other.errorCode);
    }

    public boolean isEmpty() { return equals(EMPTY); }

    private static String pick(String a, String b) { return a.isEmpty() ? b : a; }
}
