package io.wabill.sim.engine;

import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.CardChoice;
import io.wabill.sim.rates.RateCategory;
import java.time.LocalDate;

/** Conversation-based pricing v1, 2022-02-01 to 2023-05-31: one conversation per pair (B1-B5). */
final class Cbp1Pricing {
    static final LocalDate LONG_FEP_FROM = LocalDate.of(2023, 3, 1);
    static final int FREE_CONVERSATIONS = 1000;
    private final Engine e;

    Cbp1Pricing(Engine e) { this.e = e; }

    void price(PricedEvent ev, LedgerLine line) {
        PairState p = ev.pair();
        long t = ev.instant();
        int slot = ConversationSlot.CBP1;
        if (p.fepOpen(t)) {
            e.free(PricingType.FREE_ENTRY_POINT, BillableCategory.REFERRAL_CONVERSION, "B4");
            line.conversationId = p.fepConversation();
            line.windowEnd = p.fepEnd();
            return;
        }
        if (p.conversationOpen(slot, t)) {
            // B4: a reply that an open conversation covers uses up the entry without a free conversation.
            p.entryPending(false);
            e.free(PricingType.IN_CONVERSATION, p.conversationCategory(slot), "B1");
            line.conversationId = p.conversationId(slot);
            line.windowEnd = p.conversationEnd(slot);
            return;
        }
        if (p.latestInboundIsEntry() && p.entryAvailable(t)) {
            long hours = ev.day().isBefore(LONG_FEP_FROM) ? 24 : 72;
            p.entryPending(false);
            p.fepEnd(e.conversationEnd(hours * 3600_000L));
            p.extend(p.fepEnd());
            p.fepConversation(e.nextConversation());
            e.free(PricingType.FREE_ENTRY_POINT, BillableCategory.REFERRAL_CONVERSION, "B4 " + hours + "h");
            line.conversationId = p.fepConversation();
            line.windowEnd = p.fepEnd();
            return;
        }
        boolean userInitiated = p.cswOpen(t);
        BillableCategory type = userInitiated ? BillableCategory.USER_INITIATED : BillableCategory.BUSINESS_INITIATED;
        long key = e.counterKey(Engine.CBP1_FREE, ev.accountIndex(), 0, 0);
        long n = e.counters.get(key) + 1;
        if (n <= FREE_CONVERSATIONS) {
            e.free(PricingType.FREE_TIER, type, e.countedNote("B2 B3 conversation ", n, FREE_CONVERSATIONS));
        } else {
            CardChoice choice = e.card();
            Bands bands = e.bands(choice, userInitiated ? RateCategory.USER_INITIATED : RateCategory.BUSINESS_INITIATED);
            e.chargeList(choice, bands, type, "B2 B3");
        }
        e.counters.increment(key);
        p.entryPending(false);
        p.openConversation(slot, e.conversationEnd(PairState.DAY), e.nextConversation(), type);
        line.conversationId = p.conversationId(slot);
        line.windowEnd = p.conversationEnd(slot);
    }
}
