package io.wabill.sim.engine;

import static io.wabill.sim.domain.TemplateCategory.MARKETING;
import static io.wabill.sim.domain.TemplateCategory.UTILITY;
import static io.wabill.sim.engine.EngineHarness.BRAZIL;
import static io.wabill.sim.engine.EngineHarness.INDIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.account.Account;
import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.PricingModel;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.domain.Regime;
import io.wabill.sim.engine.EngineHarness.Line;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Notification-based pricing, until 2022-01-31 (PRICING.md A1-A6). */
class NbpRulesTest {
    private final EngineHarness h = new EngineHarness();

    @Test
    void eachDeliveredTemplateIsChargedAsANotification() {
        Line l = h.template("2021-09-06T00:00:00Z", INDIA, UTILITY);
        assertEquals(Regime.NBP, l.regime());
        assertEquals(PricingModel.NBP, l.model());
        assertEquals(PricingType.REGULAR, l.type());
        assertEquals(BillableCategory.NOTIFICATION, l.billable());
        assertEquals("0.007", l.amountText());
    }

    @Test
    void nonTemplateMessagesAreFreeAndReportedAsService() {
        h.in("2021-09-06T00:00:00Z", INDIA);
        Line l = h.freeForm("2021-09-06T01:00:00Z", INDIA);
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, l.type());
        assertEquals(BillableCategory.SERVICE, l.billable());
    }

    @Test
    void templatesWithin24HoursOfTheUsersLastMessageAreFree() {
        h.in("2021-09-06T00:00:00Z", INDIA);
        h.in("2021-09-06T12:00:00Z", INDIA);
        Line inside = h.template("2021-09-07T11:59:59Z", INDIA, MARKETING);
        Line outside = h.template("2021-09-07T12:00:00Z", INDIA, MARKETING);
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, inside.type());
        assertEquals(BillableCategory.NOTIFICATION, inside.billable());
        assertEquals(PricingType.REGULAR, outside.type());
    }

    @Test
    void bandsAreGraduatedPerAccountMarketAndLocalMonth() {
        h.account(new Account("b", ZoneId.of("UTC"), "USD", null, null, Map.of(), null));
        List<String> brazil = List.of(
                h.template("2021-09-06T00:00:00Z", BRAZIL, UTILITY).amountText(),
                h.template("2021-09-06T01:00:00Z", BRAZIL, MARKETING).amountText(),
                h.template("2021-09-06T02:00:00Z", INDIA, UTILITY).amountText(),
                h.price(h.templateMsg("2021-09-06T03:00:00Z", BRAZIL, UTILITY).account("b")).amountText(),
                h.template("2021-09-06T04:00:00Z", BRAZIL, UTILITY).amountText(),
                h.template("2021-10-01T00:00:00Z", BRAZIL, UTILITY).amountText());
        assertEquals(List.of("0.007", "0.007", "0.007", "0.007", "0.006", "0.007"), brazil,
                "India and account b count apart; October starts again");
        assertEquals("3:MAX", h.lines.get(4).tier());
    }

    @Test
    void wholeMonthBandsPriceEveryMessageAtTheBandTheMonthReaches() {
        Consumer<EngineHarness> month = x -> {
            x.template("2021-09-06T00:00:00Z", BRAZIL, UTILITY);
            x.template("2021-09-06T01:00:00Z", BRAZIL, UTILITY);
            x.template("2021-09-06T02:00:00Z", BRAZIL, UTILITY);
            x.template("2021-10-06T02:00:00Z", BRAZIL, UTILITY);
        };
        EngineHarness first = new EngineHarness();
        month.accept(first);
        h.options(o -> o.withNbpBands(BandMode.WHOLE_MONTH));
        h.engine().useNbpMonthTotals(first.engine().counters());
        month.accept(h);
        assertEquals(List.of("0.006", "0.006", "0.006", "0.007"),
                h.lines.stream().map(Line::amountText).toList(), "September reached band 3; October has one message");
        assertTrue(h.lines.get(0).note().contains("whole-month"), h.lines.get(0).note());
    }

    @Test
    void theRateScheduleAndMonthAreThoseOfTheSendInstant() {
        h.addCard(EngineHarness.card("USD", "2022-01-01", "Brazil,notification,1,,0.0100"));
        Line l = h.price(h.templateMsg("2021-12-31T23:59:00Z", BRAZIL, UTILITY).deliveredAt("2022-01-01T00:01:00Z"));
        assertEquals("USD@2020-01-01", l.rateCard());
        assertEquals("0.007", l.amountText());
        assertEquals("2021-12", l.localMonth());
    }

    @Test
    void aTemplateSentOnTheLastNbpDayAndDeliveredUnderCbpIsPricedUnderNbp() {
        Line l = h.price(h.templateMsg("2022-01-31T23:59:00Z", INDIA, UTILITY).deliveredAt("2022-02-01T00:05:00Z"));
        assertEquals(Regime.NBP, l.regime(), "every NBP evaluation uses the send instant (G3)");
        assertEquals(PricingType.REGULAR, l.type());
    }

    @Test
    void aTemplateDeliveredMoreThan30DaysAfterSendingIsFree() {
        Line late = h.price(h.templateMsg("2021-09-01T00:00:00Z", BRAZIL, UTILITY).deliveredAt("2021-10-01T00:00:01Z"));
        Line onTime = h.price(h.templateMsg("2021-09-01T00:00:00Z", INDIA, UTILITY).deliveredAt("2021-10-01T00:00:00Z"));
        assertEquals(PricingType.FREE_LATE_DELIVERY, late.type());
        assertEquals(BillableCategory.NOTIFICATION, late.billable());
        assertEquals(PricingType.REGULAR, onTime.type(), "exactly 30 days is not more than 30 days");
    }

    @Test
    void aLateDeliveryDoesNotCountTowardTheBands() {
        h.price(h.templateMsg("2021-09-01T00:00:00Z", BRAZIL, UTILITY).deliveredAt("2021-10-05T00:00:00Z"));
        h.template("2021-09-02T00:00:00Z", BRAZIL, UTILITY);
        assertEquals("0.007", h.template("2021-09-03T00:00:00Z", BRAZIL, UTILITY).amountText(), "message 2 of the month");
    }
}
