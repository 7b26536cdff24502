package io.wabill.app.reconcile;

import java.util.Locale;

/** What is compared, message by message, between the model's ledger line and Meta's report. */
public enum Field {
    /** {@code pricing.pricing_model}: CBP or PMP (W3 accepts either for carried-over utility, C9). */
    PRICING_MODEL,
    /** {@code pricing.type} (PMP): regular, free_customer_service, free_entry_point. */
    PRICING_TYPE,
    /** {@code pricing.category}: the billable category (W4: unknown categories never agree). */
    BILLABLE_CATEGORY,
    /** {@code pricing.billable}: "considered billable", not "charged" (W1). */
    BILLABLE_FLAG,
    /** Refused by the platform (G7 error 131047, G8 error 131049) or not. */
    DELIVERY_OUTCOME,
    /** CBP conversation boundaries: the model's conversation maps to Meta's conversation id by co-membership. */
    CONVERSATION,
    /** {@code conversation.expiration_timestamp}: CBP conversation or free entry point window end (B5, D5, W2). */
    WINDOW_END;

    public String code() { return name().toLowerCase(Locale.ROOT); }
}
