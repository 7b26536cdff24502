package io.wabill.sim.engine;

import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.PricingModel;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.CardChoice;
import io.wabill.sim.rates.RateCategory;
import java.time.LocalDate;

/**
 * Per-message pricing: PMP from 2025-07-01 (D1-D8) and, with {@code paidService}, PMP-26 from 2026-10-01
 * (E1-E7), which charges utility inside the window and service messages beyond a free tier.
 */
final class PerMessagePricing {
    static final int FREE_SERVICE_MESSAGES = 1000;
    static final LocalDate EXEMPTION_UNTIL = LocalDate.of(2027, 12, 31);
    static final int UTILITY_FAMILY = 0, AUTHENTICATION_FAMILY = 1;
    private final Engine e;
    private final boolean paidService;

    PerMessagePricing(Engine e, boolean paidService) {
        this.e = e;
        this.paidService = paidService;
    }

    void price(PricedEvent ev, LedgerLine line) {
        PairState p = ev.pair();
        long t = ev.instant();
        MessageKind kind = ev.message().kind();
        if (kind == MessageKind.TEMPLATE && ev.message().category() == TemplateCategory.UTILITY
                && p.conversationOpen(ConversationSlot.UTILITY, t)) {
            // C9: a CBP utility conversation open at the switch keeps covering utility templates until it expires.
            e.free(PricingType.IN_CONVERSATION, BillableCategory.UTILITY, "C9");
            line.model = PricingModel.CBP;
            line.conversationId = p.conversationId(ConversationSlot.UTILITY);
            line.windowEnd = p.conversationEnd(ConversationSlot.UTILITY);
            return;
        }
        if (paidService && kind == MessageKind.REACTION) {
            e.free(PricingType.FREE_REACTION, BillableCategory.NONE, "E4");
            return;
        }
        long reported = ev.message().fepExpiresAt();
        if (p.fepOpen(t)) {
            // D5: an imported webhook's window end is Meta's own word and overrides the configured length.
            boolean override = reported != LogRow.NONE && reported > t && reported != p.fepEnd();
            if (override) {
                p.fepEnd(reported);
                p.extend(reported);
            }
            e.free(PricingType.FREE_ENTRY_POINT, BillableCategory.REFERRAL_CONVERSION,
                    (paidService ? "D5 E5" : "D5") + (override ? " window end from webhook" : ""));
            line.windowEnd = p.fepEnd();
            return;
        }
        if (kind != MessageKind.REACTION && p.entryAvailable(t)) {
            p.entryPending(false);
            boolean override = reported != LogRow.NONE && reported > t;
            p.fepEnd(override ? reported : t + e.options.fepWindow().toMillis());
            p.extend(p.fepEnd());
            e.free(PricingType.FREE_ENTRY_POINT, BillableCategory.REFERRAL_CONVERSION,
                    (paidService ? "D5 E5" : "D5") + " window opened" + (override ? " until the webhook's window end" : ""));
            line.windowEnd = p.fepEnd();
            return;
        }
        if (kind == MessageKind.TEMPLATE) template(ev, line, p, t);
        else nonTemplate(ev, line);
    }

    private void template(PricedEvent ev, LedgerLine line, PairState p, long t) {
        TemplateCategory category = ev.message().category();
        if (category == TemplateCategory.UNKNOWN)
            throw e.unknownCategory(paidService ? "PMP-26" : "PMP", paidService ? "D4, E1" : "D3, D4");
        CardChoice choice;
        switch (category) {
            case MARKETING:
            case MARKETING_LITE:
                choice = e.card();
                e.chargeList(choice, e.bands(choice, RateCategory.MARKETING),
                        category == TemplateCategory.MARKETING ? BillableCategory.MARKETING : BillableCategory.MARKETING_LITE,
                        "D4");
                return;
            case UTILITY:
                if (!paidService && p.cswOpen(t)) {
                    e.free(PricingType.FREE_CUSTOMER_SERVICE, BillableCategory.UTILITY, "D3");
                    return;
                }
                choice = e.card();
                tiered(ev, line, choice, RateCategory.UTILITY, UTILITY_FAMILY, BillableCategory.UTILITY, paidService ? "E1 D6" : "D6");
                return;
            default:
                choice = e.card();
                if (e.authInternational(choice)) {
                    tiered(ev, line, choice, RateCategory.AUTHENTICATION_INTERNATIONAL, AUTHENTICATION_FAMILY,
                            BillableCategory.AUTHENTICATION_INTERNATIONAL, "D4 D6 X1");
                } else {
                    tiered(ev, line, choice, RateCategory.AUTHENTICATION, AUTHENTICATION_FAMILY, BillableCategory.AUTHENTICATION, "D4 D6");
                }
        }
    }

    /**
     * D6, D7: charged messages count per (portfolio, market, family, account-local month); message n takes
     * the band holding n. A list-only period prices at the first band and says so (G2a).
     */
    private void tiered(PricedEvent ev, LedgerLine line, CardChoice choice, RateCategory category, int family, BillableCategory billable, String note) {
        Bands bands = e.bands(choice, category);
        long key = e.counterKey(Engine.TIER, e.portfolioId(), ev.marketId(), family);
        long n = e.counters.get(key) + 1;
        if (choice.tiersUnknown()) {
            e.chargeBand(choice, bands, 0, billable, e.withRemark(note, "; tiers-unknown"));
        } else {
            e.chargeBand(choice, bands, bands.indexOf(n), billable, note);
        }
        e.counters.increment(key);
    }

    private void nonTemplate(PricedEvent ev, LedgerLine line) {
        if (!paidService) {
            e.free(PricingType.FREE_CUSTOMER_SERVICE, BillableCategory.SERVICE, "D2");
            return;
        }
        boolean perAccount = e.options.serviceTierScope() == ServiceTierScope.ACCOUNT;
        long key = perAccount
                ? e.counterKey(Engine.SERVICE_FREE_ACCOUNT, ev.accountIndex(), 0, 0)
                : e.counterKey(Engine.SERVICE_FREE_NUMBER, e.businessId(), 0, 0);
        long n = e.counters.get(key) + 1;
        if (n <= FREE_SERVICE_MESSAGES) {
            e.free(PricingType.FREE_CUSTOMER_SERVICE, BillableCategory.SERVICE,
                    e.countedNote("E3 service message ", n, FREE_SERVICE_MESSAGES));
        } else if (e.options.nonProfitExemption() && !ev.day().isAfter(EXEMPTION_UNTIL)) {
            e.free(PricingType.FREE_CUSTOMER_SERVICE, BillableCategory.SERVICE, "E7");
        } else {
            CardChoice choice = e.card();
            Bands service = e.cardBands(choice.card(), RateCategory.SERVICE);
            if (service != null) {
                e.chargeList(choice, service, BillableCategory.SERVICE, "E2");
            } else {
                // Meta prints the service rate equal to the utility list rate (E2); a card without it uses that.
                e.chargeList(choice, e.bands(choice, RateCategory.UTILITY), BillableCategory.SERVICE,
                        "E2 service priced at the utility list rate (card has no service rate)");
            }
        }
        e.counters.increment(key);
    }
}
