package io.wabill.sim.engine;

import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.CardChoice;
import io.wabill.sim.rates.RateCategory;
import java.time.LocalDate;

/** Conversation-based pricing v2, 2023-06-01 to 2025-06-30: a conversation per category (C1-C8). */
final class Cbp2Pricing {
    static final LocalDate SERVICE_FREE_FROM = LocalDate.of(2024, 11, 1);
    static final int FREE_SERVICE_CONVERSATIONS = 1000;
    static final long FEP_HOURS = 72;
    private final Engine e;

    Cbp2Pricing(Engine e) { this.e = e; }

    void price(PricedEvent ev, LedgerLine line) {
        PairState p = ev.pair();
        long t = ev.instant();
        if (p.fepOpen(t)) {
            // C7: no conversation opens while a free entry point conversation lasts; everything in it is free.
            e.free(PricingType.FREE_ENTRY_POINT, BillableCategory.REFERRAL_CONVERSION, "C7");
            line.conversationId = p.fepConversation();
            line.windowEnd = p.fepEnd();
            return;
        }
        if (p.entryAvailable(t)) {
            p.entryPending(false);
            p.closeConversations();
            p.fepEnd(e.conversationEnd(FEP_HOURS * 3600_000L));
            p.extend(p.fepEnd());
            p.fepConversation(e.nextConversation());
            e.free(PricingType.FREE_ENTRY_POINT, BillableCategory.REFERRAL_CONVERSION, "C7 72h");
            line.conversationId = p.fepConversation();
            line.windowEnd = p.fepEnd();
            return;
        }
        if (ev.message().kind() == MessageKind.TEMPLATE) template(ev, line, p, t);
        else nonTemplate(ev, line, p, t);
    }

    /** C2: a template opens a conversation of its category unless one of that category is open. */
    private void template(PricedEvent ev, LedgerLine line, PairState p, long t) {
        TemplateCategory category = ev.message().category();
        if (category == TemplateCategory.UNKNOWN) throw e.unknownCategory("CBP-2", "C1, C2");
        int slot = ConversationSlot.of(category);
        if (p.conversationOpen(slot, t)) {
            e.free(PricingType.IN_CONVERSATION, p.conversationCategory(slot), "C2");
            line.conversationId = p.conversationId(slot);
            line.windowEnd = p.conversationEnd(slot);
            return;
        }
        CardChoice choice = e.card();
        RateCategory rateCategory;
        BillableCategory billable;
        String note = "C2";
        switch (slot) {
            case ConversationSlot.MARKETING:
                rateCategory = RateCategory.MARKETING;
                billable = BillableCategory.MARKETING;
                if (category == TemplateCategory.MARKETING_LITE) note = "C2 C4";
                break;
            case ConversationSlot.UTILITY:
                rateCategory = RateCategory.UTILITY;
                billable = BillableCategory.UTILITY;
                break;
            default:
                if (e.authInternational(choice)) {
                    rateCategory = RateCategory.AUTHENTICATION_INTERNATIONAL;
                    billable = BillableCategory.AUTHENTICATION_INTERNATIONAL;
                    note = "C2 C8 X1";
                } else {
                    rateCategory = RateCategory.AUTHENTICATION;
                    billable = BillableCategory.AUTHENTICATION;
                }
        }
        Bands bands = e.bands(choice, rateCategory);
        e.chargeList(choice, bands, billable, note);
        open(ev, line, p, slot, billable);
    }

    /** C3: a non-template message is covered by any open conversation, else opens a service conversation. */
    private void nonTemplate(PricedEvent ev, LedgerLine line, PairState p, long t) {
        int covering = p.latestOpenConversation(t);
        if (covering >= 0) {
            e.free(PricingType.IN_CONVERSATION, p.conversationCategory(covering), "C3");
            line.conversationId = p.conversationId(covering);
            line.windowEnd = p.conversationEnd(covering);
            return;
        }
        if (!ev.day().isBefore(SERVICE_FREE_FROM)) {
            e.free(PricingType.FREE_CUSTOMER_SERVICE, BillableCategory.SERVICE, "C3 C6");
        } else {
            long key = e.counterKey(Engine.CBP2_SERVICE_FREE, ev.accountIndex(), 0, 0);
            long n = e.counters.get(key) + 1;
            if (n <= FREE_SERVICE_CONVERSATIONS) {
                e.free(PricingType.FREE_TIER, BillableCategory.SERVICE,
                        e.countedNote("C3 C5 service conversation ", n, FREE_SERVICE_CONVERSATIONS));
            } else {
                CardChoice choice = e.card();
                e.chargeList(choice, e.bands(choice, RateCategory.SERVICE), BillableCategory.SERVICE, "C3 C5");
            }
            e.counters.increment(key);
        }
        open(ev, line, p, ConversationSlot.SERVICE, BillableCategory.SERVICE);
    }

    private void open(PricedEvent ev, LedgerLine line, PairState p, int slot, BillableCategory billable) {
        p.openConversation(slot, e.conversationEnd(PairState.DAY), e.nextConversation(), billable);
        line.conversationId = p.conversationId(slot);
        line.windowEnd = p.conversationEnd(slot);
    }
}
