package io.wabill.sim.engine;

import static io.wabill.sim.domain.TemplateCategory.AUTHENTICATION;
import static io.wabill.sim.domain.TemplateCategory.MARKETING;
import static io.wabill.sim.domain.TemplateCategory.MARKETING_LITE;
import static io.wabill.sim.domain.TemplateCategory.UTILITY;
import static io.wabill.sim.engine.EngineHarness.BRAZIL;
import static io.wabill.sim.engine.EngineHarness.INDIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.PricingModel;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.domain.Regime;
import io.wabill.sim.engine.EngineHarness.Line;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Conversation-based pricing v2, 2023-06-01 to 2025-06-30 (PRICING.md C1-C9). */
class Cbp2RulesTest {
    private final EngineHarness h = new EngineHarness();

    /** Opens {@code n} service conversations with distinct customers, each after the customer's message. */
    private void openServiceConversations(int n, String start) {
        long t0 = Instant.parse(start).toEpochMilli();
        for (int i = 0; i < n; i++) {
            String customer = "55119877" + String.format("%05d", i);
            h.in(Instant.ofEpochMilli(t0 + i * 60_000L).toString(), customer);
            h.freeForm(Instant.ofEpochMilli(t0 + i * 60_000L + 10_000).toString(), customer);
        }
    }

    @Test
    void aTemplateIsCoveredByAnOpenConversationOfItsOwnCategoryOnly() {
        Line marketing = h.template("2024-08-05T00:00:00Z", INDIA, MARKETING);
        Line utility = h.template("2024-08-05T04:00:00Z", INDIA, UTILITY);
        Line utilityAgain = h.template("2024-08-05T10:00:00Z", INDIA, UTILITY);
        Line lite = h.template("2024-08-05T11:00:00Z", INDIA, MARKETING_LITE);
        Line auth = h.template("2024-08-05T12:00:00Z", INDIA, AUTHENTICATION);
        assertEquals("0.05", marketing.amountText());
        assertEquals(PricingType.REGULAR, utility.type(), "several categories can be open at once, each charged");
        assertEquals("0.01", utility.amountText());
        assertNotEquals(marketing.conversationId(), utility.conversationId());
        assertEquals(PricingType.IN_CONVERSATION, utilityAgain.type());
        assertEquals(utility.conversationId(), utilityAgain.conversationId());
        assertEquals(PricingType.IN_CONVERSATION, lite.type(), "marketing lite counts as marketing (C4)");
        assertEquals(marketing.conversationId(), lite.conversationId());
        assertEquals("0.008", auth.amountText());
    }

    @Test
    void conversationChargesUseTheListRateAndShowNoTier() {
        Line utility = h.template("2024-08-05T00:00:00Z", BRAZIL, UTILITY);
        assertEquals("0.01", utility.amountText());
        assertEquals("", utility.tier(), "conversations have no volume tiers");
    }

    @Test
    void aNonTemplateMessageIsCoveredByTheOpenConversationThatExpiresLast() {
        Line marketing = h.template("2024-08-05T00:00:00Z", INDIA, MARKETING);
        Line utility = h.template("2024-08-05T04:00:00Z", INDIA, UTILITY);
        h.in("2024-08-05T05:00:00Z", INDIA);
        Line reply = h.freeForm("2024-08-05T06:00:00Z", INDIA);
        assertEquals(PricingType.IN_CONVERSATION, reply.type());
        assertEquals(utility.conversationId(), reply.conversationId());
        assertEquals(BillableCategory.UTILITY, reply.billable());
        assertNotEquals(marketing.conversationId(), reply.conversationId());
    }

    @Test
    void aNonTemplateMessageOpensAServiceConversationOnlyWhenNothingIsOpen() {
        h.in("2024-03-11T00:00:00Z", BRAZIL);
        Line service = h.freeForm("2024-03-11T01:00:00Z", BRAZIL);
        Line covered = h.freeForm("2024-03-11T05:00:00Z", BRAZIL);
        Line template = h.template("2024-03-11T06:00:00Z", BRAZIL, UTILITY);
        assertEquals(PricingType.FREE_TIER, service.type());
        assertEquals(BillableCategory.SERVICE, service.billable());
        assertEquals(PricingType.IN_CONVERSATION, covered.type());
        assertEquals(service.conversationId(), covered.conversationId());
        assertEquals(PricingType.REGULAR, template.type(), "a service conversation does not cover templates");
    }

    @Test
    void aNonTemplateMessageOutsideTheServiceWindowIsRejectedEvenInsideAConversation() {
        h.template("2024-03-11T00:00:00Z", BRAZIL, MARKETING);
        Line l = h.freeForm("2024-03-11T01:00:00Z", BRAZIL);
        assertEquals(PricingType.REJECTED, l.type());
        assertTrue(l.note().contains("131047"), l.note());
    }

    @Test
    void theAccountsFirstThousandServiceConversationsOfTheLocalMonthAreFree() {
        h.zone("America/New_York");
        openServiceConversations(1000, "2024-05-31T04:00:00Z");
        h.in("2024-06-01T03:59:00Z", BRAZIL);
        Line charged = h.freeForm("2024-06-01T03:59:30Z", BRAZIL);
        assertEquals(PricingType.REGULAR, charged.type(), "23:59 on 31 May in New York is conversation 1,001 of May");
        assertEquals("0.005", charged.amountText());
        h.in("2024-06-01T04:00:00Z", EngineHarness.UK);
        assertEquals(PricingType.FREE_TIER, h.freeForm("2024-06-01T04:01:00Z", EngineHarness.UK).type(), "a new local month");
    }

    @Test
    void marketingConversationsNeverUseTheFreeTier() {
        Line l = h.template("2024-05-06T00:00:00Z", INDIA, MARKETING);
        assertEquals(PricingType.REGULAR, l.type());
        openServiceConversations(1000, "2024-05-06T01:00:00Z");
        assertTrue(h.lines.stream().filter(x -> x.billable() == BillableCategory.SERVICE)
                .allMatch(x -> x.type() == PricingType.FREE_TIER), "the marketing conversation took none of the 1,000");
    }

    @Test
    void serviceConversationsAreFreeFromNovember2024AtLocalMidnightAndStillCover() {
        h.zone("America/Los_Angeles");
        h.in("2024-11-01T06:00:00Z", BRAZIL);
        Line october = h.freeForm("2024-11-01T06:59:59Z", BRAZIL);
        h.in("2024-11-01T07:00:00Z", INDIA);
        Line november = h.freeForm("2024-11-01T07:00:00Z", INDIA);
        Line covered = h.freeForm("2024-11-01T08:00:00Z", INDIA);
        assertEquals(PricingType.FREE_TIER, october.type(), "still 31 October in Los Angeles");
        assertEquals(PricingType.FREE_CUSTOMER_SERVICE, november.type());
        assertEquals(BillableCategory.SERVICE, november.billable());
        assertEquals(PricingType.IN_CONVERSATION, covered.type(), "a free service conversation still opens (C6)");
        assertEquals(november.conversationId(), covered.conversationId());
        assertEquals(PricingType.REGULAR, h.template("2024-11-01T09:00:00Z", INDIA, UTILITY).type());
    }

    @Test
    void freeEntryPointConversationLasts72HoursRoundedAndBlocksNewConversations() {
        h.template("2024-09-02T09:00:00Z", BRAZIL, MARKETING);
        h.in("2024-09-02T10:00:00Z", BRAZIL, EntryPoint.CTWA);
        Line reply = h.freeForm("2024-09-02T22:00:30Z", BRAZIL);
        assertEquals(PricingType.FREE_ENTRY_POINT, reply.type());
        assertEquals(BillableCategory.REFERRAL_CONVERSION, reply.billable());
        Line auth = h.template("2024-09-04T09:00:00Z", BRAZIL, AUTHENTICATION);
        Line last = h.template("2024-09-05T22:00:59Z", BRAZIL, UTILITY);
        Line after = h.template("2024-09-05T22:01:00Z", BRAZIL, UTILITY);
        assertEquals(PricingType.FREE_ENTRY_POINT, auth.type());
        assertEquals(reply.conversationId(), auth.conversationId());
        assertEquals(PricingType.FREE_ENTRY_POINT, last.type(), "the expiry is rounded up to 22:01 (C4)");
        assertEquals(PricingType.REGULAR, after.type());
        assertEquals(PricingType.REJECTED, h.freeForm("2024-09-04T10:00:00Z", BRAZIL).type(), "non-template still needs the CSW");
    }

    @Test
    void aReplyMoreThan24HoursAfterTheEntryOpensNoFreeConversation() {
        h.in("2024-09-02T10:00:00Z", BRAZIL, EntryPoint.CTWA);
        Line l = h.template("2024-09-03T10:00:00Z", BRAZIL, UTILITY);
        assertEquals(PricingType.REGULAR, l.type());
    }

    @Test
    void aUtilityConversationOpenedBeforeTheSwitchStaysOpenAfterIt() {
        h.zone("Asia/Kolkata");
        Line opening = h.template("2025-06-30T18:29:00Z", INDIA, UTILITY);
        Line carried = h.template("2025-07-01T10:00:00Z", INDIA, UTILITY);
        Line lastCovered = h.template("2025-07-01T18:28:59Z", INDIA, UTILITY);
        Line expired = h.template("2025-07-01T18:29:00Z", INDIA, UTILITY);
        assertEquals(Regime.CBP2, opening.regime(), "23:59 on 30 June in Kolkata");
        assertEquals(PricingType.REGULAR, opening.type());
        assertEquals(Regime.PMP, carried.regime());
        assertEquals(PricingType.IN_CONVERSATION, carried.type());
        assertEquals(PricingModel.CBP, carried.model(), "reported with pricing model CBP (C9)");
        assertEquals(opening.conversationId(), carried.conversationId());
        assertTrue(carried.note().contains("C9"), carried.note());
        assertEquals(PricingType.IN_CONVERSATION, lastCovered.type());
        assertEquals(PricingType.REGULAR, expired.type());
        assertEquals(PricingModel.PMP, expired.model());
    }

    @Test
    void onlyUtilityConversationsCarryOverTheSwitch() {
        h.template("2025-06-30T23:00:00Z", INDIA, MARKETING);
        Line marketing = h.template("2025-07-01T01:00:00Z", INDIA, MARKETING);
        assertEquals(PricingType.REGULAR, marketing.type());
        assertEquals(PricingModel.PMP, marketing.model());
    }
}
