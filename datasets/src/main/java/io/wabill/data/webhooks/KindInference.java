package io.wabill.data.webhooks;

import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import java.util.Locale;
import java.util.Set;

/**
 * Tells what kind of message a business sent from what Meta reported about it, since status webhooks never say
 * whether a message was a template. The rules, in order:
 *
 * <ol>
 *   <li>{@code pricing.category} (else {@code conversation.origin.type}) names a template category ({@code
 *       marketing}, {@code marketing_lite}, {@code utility}, {@code authentication}, {@code
 *       authentication_international}): a template of that category (authentication-international is an
 *       authentication template, X1). Under PMP the category is the message's own. Under CBP it is its
 *       conversation's: the message opened it (C1: only a template of that category can) or joined it, and a
 *       template of the same category is the one reading that agrees with everything Meta reported (C2).</li>
 *   <li>The category is {@code service}: a non-template message (C1, D2).</li>
 *   <li>A failed status with error 131047 (outside the customer service window): a non-template message (G7);
 *       with 131049 (marketing to a US number): a marketing template (G8).</li>
 *   <li>Otherwise the category does not tell ({@code referral_conversion}, CBP-1's {@code user_initiated} /
 *       {@code business_initiated}, a category the rules do not know (W4), or no pricing at all): a
 *       non-template message when the user wrote or called within the 24 hours before it was sent (a
 *       non-template message was possible, G6), else a template whose category is not reported: the configured
 *       fallback category if there is one; else, when Meta reported a CBP-1 initiation type or a free entry point,
 *       a template of category {@code unknown} (FORMATS.md section 1), which the rules price without its category
 *       (B2; B4, C7, D5) and which pricing refuses, naming the rule, where they do not; else the message cannot be
 *       written and is listed.</li>
 * </ol>
 */
public final class KindInference {
    /** The categories PRICING.md knows in webhooks; anything else is kept as reported and listed (W4). */
    public static final Set<String> KNOWN_CATEGORIES = Set.of("marketing", "marketing_lite", "utility", "authentication",
            "authentication_international", "service", "referral_conversion", "user_initiated", "business_initiated");

    /** Which rule decided, for the import report. */
    public enum Basis { CATEGORY, SERVICE, ERROR_CODE, USER_WROTE, FALLBACK, UNKNOWN_CATEGORY, UNRESOLVED }

    /** The outcome: a kind and, for templates, a category; or why no kind can be told. */
    public record Result(MessageKind kind, TemplateCategory category, Basis basis, String unresolved) {}

    private final TemplateCategory fallback;

    /** @param fallback the category of templates whose webhooks name none, or null to list such messages */
    public KindInference(TemplateCategory fallback) { this.fallback = fallback; }

    public Result infer(MetaReport r, boolean userWroteWithinDay) {
        TemplateCategory c = templateCategory(r.category());
        if (c == null && r.category().isEmpty()) c = templateCategory(r.conversationOrigin());
        if (c != null) return new Result(MessageKind.TEMPLATE, c, Basis.CATEGORY, null);
        if (isService(r.category()) || (r.category().isEmpty() && isService(r.conversationOrigin())))
            return new Result(MessageKind.FREE_FORM, null, Basis.SERVICE, null);
        if (r.errorCode() == 131047) return new Result(MessageKind.FREE_FORM, null, Basis.ERROR_CODE, null);
        if (r.errorCode() == 131049) return new Result(MessageKind.TEMPLATE, TemplateCategory.MARKETING, Basis.ERROR_CODE, null);
        if (userWroteWithinDay) return new Result(MessageKind.FREE_FORM, null, Basis.USER_WROTE, null);
        if (fallback != null) return new Result(MessageKind.TEMPLATE, fallback, Basis.FALLBACK, null);
        if (pricedWithoutCategory(r.category()) || (r.category().isEmpty() && pricedWithoutCategory(r.conversationOrigin())))
            return new Result(MessageKind.TEMPLATE, TemplateCategory.UNKNOWN, Basis.UNKNOWN_CATEGORY, null);
        String said = r.category().isEmpty() ? (r.conversationOrigin().isEmpty() ? "no category" : "origin "
                + r.conversationOrigin()) : "category " + r.category();
        return new Result(null, null, Basis.UNRESOLVED, "Meta reported " + said + ", which names no template category, and the user wrote "
                + "nothing in the 24 h before it was sent, so it was a template (G7) of a category the webhooks do not "
                + "give; pass --unknown-template-category to import such messages");
    }

    private static TemplateCategory templateCategory(String reported) {
        String c = reported.toLowerCase(Locale.ROOT);
        if (c.equals("authentication_international")) return TemplateCategory.AUTHENTICATION;
        return c.isEmpty() ? null : TemplateCategory.parse(c);
    }

    private static boolean isService(String reported) { return reported.equalsIgnoreCase("service"); }

    /**
     * What Meta reports for a message whose price the rules decide without its template category: CBP-1's
     * initiation types (B2) and a free entry point (B4, C7, D5).
     */
    private static boolean pricedWithoutCategory(String reported) {
        return reported.equalsIgnoreCase("user_initiated") || reported.equalsIgnoreCase("business_initiated")
                || reported.equalsIgnoreCase("referral_conversion") || reported.equalsIgnoreCase("free_entry_point");
    }
}
