package io.wabill.sim.engine;

import static io.wabill.sim.domain.TemplateCategory.MARKETING;
import static io.wabill.sim.domain.TemplateCategory.MARKETING_LITE;
import static io.wabill.sim.domain.TemplateCategory.UTILITY;
import static io.wabill.sim.engine.EngineHarness.BRAZIL;
import static io.wabill.sim.engine.EngineHarness.CANADA;
import static io.wabill.sim.engine.EngineHarness.INDIA;
import static io.wabill.sim.engine.EngineHarness.PUERTO_RICO;
import static io.wabill.sim.engine.EngineHarness.US;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.engine.EngineHarness.Line;
import org.junit.jupiter.api.Test;

/** The customer service window (G6), non-template rejections (G7) and the US marketing block (G8). */
class WindowAndRejectionRulesTest {
    private final EngineHarness h = new EngineHarness();

    @Test
    void windowEndInstantIsOutside() {
        h.in("2025-08-05T10:00:00Z", INDIA);
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, h.freeForm("2025-08-06T09:59:59.999Z", INDIA).type());
        assertEquals(PricingType.REJECTED, h.freeForm("2025-08-06T10:00:00Z", INDIA).type());
    }

    @Test
    void everyUserMessageOrCallResetsTheWindow() {
        h.in("2025-08-05T10:00:00Z", INDIA);
        h.price(EngineHarness.inbound("2025-08-05T20:00:00Z", INDIA).kind(MessageKind.CALL));
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, h.freeForm("2025-08-06T19:59:59Z", INDIA).type());
        assertEquals(PricingType.REJECTED, h.freeForm("2025-08-06T20:00:00Z", INDIA).type());
    }

    @Test
    void theWindowBelongsToOneBusinessNumberAndUser() {
        h.in("2025-08-05T10:00:00Z", INDIA);
        Line otherNumber = h.price(h.outbound("2025-08-05T11:00:00Z", INDIA, MessageKind.FREE_FORM)
                .business(EngineHarness.OTHER_BUSINESS));
        Line otherUser = h.freeForm("2025-08-05T11:00:00Z", BRAZIL);
        assertEquals(PricingType.REJECTED, otherNumber.type());
        assertEquals(PricingType.REJECTED, otherUser.type());
    }

    @Test
    void nonTemplateOutsideWindowIsRejectedWith131047() {
        Line l = h.freeForm("2025-08-05T10:00:00Z", INDIA);
        assertEquals(PricingType.REJECTED, l.type());
        assertTrue(l.note().contains("G7") && l.note().contains("131047"), l.note());
        assertTrue(l.free());
        assertEquals(PricingType.REGULAR, h.template("2025-08-05T10:00:00Z", INDIA, UTILITY).type(), "templates need no window");
    }

    @Test
    void reactionsAndAgentMessagesOutsideTheWindowAreRejectedToo() {
        assertEquals(PricingType.REJECTED, h.reaction("2026-10-05T10:00:00Z", INDIA).type());
        assertEquals(PricingType.REJECTED, h.agent("2026-10-05T10:00:00Z", INDIA, 1000).type());
        assertEquals(PricingType.REJECTED, h.agent("2025-10-05T10:00:00Z", INDIA, 1000).type());
    }

    @Test
    void nonTemplateOutsideWindowIsRejectedInEveryRegime() {
        for (String t : new String[] {"2021-09-01T00:00:00Z", "2022-09-01T00:00:00Z", "2024-09-01T00:00:00Z"})
            assertEquals(PricingType.REJECTED, h.freeForm(t, INDIA).type(), t);
    }

    @Test
    void undeliveredMessagesAreNeverCharged() {
        Line failed = h.price(h.templateMsg("2025-08-05T10:00:00Z", INDIA, MARKETING).status(DeliveryStatus.FAILED));
        Line sent = h.price(h.templateMsg("2025-08-05T11:00:00Z", INDIA, MARKETING).status(DeliveryStatus.SENT));
        assertEquals(PricingType.UNDELIVERED, failed.type());
        assertEquals(PricingType.UNDELIVERED, sent.type());
        assertTrue(failed.free() && sent.free());
        assertEquals("0.05", h.template("2025-08-05T12:00:00Z", INDIA, MARKETING).amountText());
    }

    @Test
    void marketingToUsNumberIsRejectedFromApril2025() {
        Line march = h.template("2025-03-31T23:59:59Z", US, MARKETING);
        Line april = h.template("2025-04-01T00:00:00Z", US, MARKETING);
        Line lite = h.template("2025-04-02T00:00:00Z", US, MARKETING_LITE);
        assertEquals(PricingType.REGULAR, march.type());
        assertEquals(PricingType.REJECTED, april.type());
        assertTrue(april.note().contains("G8") && april.note().contains("131049"), april.note());
        assertEquals("North America", april.market());
        assertEquals(PricingType.REJECTED, lite.type());
        assertEquals(PricingType.REGULAR, h.template("2025-04-02T00:00:00Z", US, UTILITY).type(), "only marketing is blocked");
    }

    @Test
    void theUsBlockStartsAtTheAccountsLocalMidnight() {
        h.zone("Asia/Tokyo");
        assertEquals(PricingType.REJECTED, h.template("2025-03-31T15:00:00Z", US, MARKETING).type());
    }

    @Test
    void marketingToCanadaAndUsTerritoriesIsDeliveredUnderTheDefaultScope() {
        assertEquals(PricingType.REGULAR, h.template("2025-05-01T00:00:00Z", CANADA, MARKETING).type());
        Line pr = h.template("2025-05-01T00:00:00Z", PUERTO_RICO, MARKETING);
        assertEquals(PricingType.REGULAR, pr.type());
        assertEquals("Rest of Latin America", pr.market());
    }

    @Test
    void marketingToCanadaIsRejectedWithTheUsCaOption() {
        h.options(o -> o.withUsBlock(UsBlockScope.US_CA));
        assertEquals(PricingType.REJECTED, h.template("2025-05-01T00:00:00Z", CANADA, MARKETING).type());
        assertEquals(PricingType.REJECTED, h.template("2025-05-01T00:00:00Z", US, MARKETING).type());
        assertEquals(PricingType.REGULAR, h.template("2025-05-01T00:00:00Z", PUERTO_RICO, MARKETING).type());
    }

    @Test
    void theUsBlockCanBeSwitchedOff() {
        h.options(o -> o.withUsBlock(UsBlockScope.OFF));
        assertEquals(PricingType.REGULAR, h.template("2025-05-01T00:00:00Z", US, MARKETING).type());
    }

    @Test
    void anUndeliveredMarketingTemplateToTheUsIsReportedRejected() {
        Line l = h.price(h.templateMsg("2025-05-01T00:00:00Z", US, MARKETING).status(DeliveryStatus.FAILED));
        assertEquals(PricingType.REJECTED, l.type());
    }
}
