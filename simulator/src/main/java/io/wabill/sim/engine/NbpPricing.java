package io.wabill.sim.engine;

import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.CardChoice;
import io.wabill.sim.rates.RateCategory;

/** Notification-based pricing, until 2022-01-31 (A1-A6); every evaluation uses the send instant (G3, A4). */
final class NbpPricing {
    private final Engine e;

    NbpPricing(Engine e) { this.e = e; }

    void price(PricedEvent ev, LedgerLine line) {
        if (ev.message().kind() != MessageKind.TEMPLATE) {
            e.free(PricingType.FREE_CUSTOMER_SERVICE, BillableCategory.SERVICE, "A1 A6");
            return;
        }
        if (ev.pair().cswOpen(ev.instant())) {
            e.free(PricingType.FREE_CUSTOMER_SERVICE, BillableCategory.NOTIFICATION, "A2");
            return;
        }
        if (ev.message().deliveredAt() - ev.message().sendAt() > Engine.THIRTY_DAYS) {
            e.free(PricingType.FREE_LATE_DELIVERY, BillableCategory.NOTIFICATION, "A5");
            return;
        }
        CardChoice choice = e.card();
        Bands bands = e.bands(choice, RateCategory.NOTIFICATION);
        long key = e.counterKey(Engine.NBP_COUNT, ev.accountIndex(), ev.marketId(), 0);
        long n = e.counters.get(key) + 1;
        long total = e.nbpMonthTotal(key);
        boolean wholeMonth = e.options.nbpBands() == BandMode.WHOLE_MONTH && total > 0;
        if (choice.tiersUnknown()) {
            // G2a: a list-only period prices tiered categories at the first band and says so.
            e.chargeBand(choice, bands, 0, BillableCategory.NOTIFICATION, "A3; tiers-unknown");
        } else {
            e.chargeBand(choice, bands, bands.indexOf(wholeMonth ? total : n), BillableCategory.NOTIFICATION,
                    wholeMonth ? "A3 whole-month band of " + total : "A3");
        }
        e.counters.increment(key);
    }
}
