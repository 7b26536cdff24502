package io.wabill.sim.engine;

import static io.wabill.sim.domain.TemplateCategory.MARKETING;
import static io.wabill.sim.domain.TemplateCategory.UTILITY;
import static io.wabill.sim.engine.EngineHarness.BRAZIL;
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

/** Conversation-based pricing v1, 2022-02-01 to 2023-05-31 (PRICING.md B1-B5). */
class Cbp1RulesTest {
    private final EngineHarness h = new EngineHarness();

    /** Opens {@code n} business-initiated conversations with distinct customers, a minute apart. */
    private void openConversations(int n, String start, String business) {
        long t0 = Instant.parse(start).toEpochMilli();
        for (int i = 0; i < n; i++) {
            String customer = "55119877" + String.format("%05d", i);
            h.price(h.templateMsg(Instant.ofEpochMilli(t0 + i * 60_000L).toString(), customer, UTILITY).business(business));
        }
    }

    @Test
    void businessMessagesInsideAnOpenConversationAreCoveredByIt() {
        h.in("2022-06-06T10:00:00Z", BRAZIL);
        Line opening = h.freeForm("2022-06-06T10:05:00Z", BRAZIL);
        Line template = h.template("2022-06-06T15:00:00Z", BRAZIL, MARKETING);
        Line reply = h.freeForm("2022-06-06T20:00:00Z", BRAZIL);
        assertEquals(Regime.CBP1, opening.regime());
        assertEquals(PricingModel.CBP, opening.model());
        assertEquals(PricingType.IN_CONVERSATION, template.type());
        assertEquals(PricingType.IN_CONVERSATION, reply.type());
        assertEquals(opening.conversationId(), template.conversationId());
        assertEquals(opening.conversationId(), reply.conversationId());
        assertEquals(BillableCategory.USER_INITIATED, template.billable(), "the conversation's type is reported");
    }

    @Test
    void conversationOpenedInsideTheServiceWindowIsUserInitiatedAndOutsideItBusinessInitiated() {
        h.in("2022-06-06T10:00:00Z", BRAZIL);
        assertEquals(BillableCategory.USER_INITIATED, h.freeForm("2022-06-06T10:05:00Z", BRAZIL).billable());
        assertEquals(BillableCategory.BUSINESS_INITIATED, h.template("2022-06-08T10:05:00Z", BRAZIL, UTILITY).billable());
    }

    @Test
    void theAccountsFirstThousandConversationsOfTheMonthAreFreeAcrossItsNumbers() {
        openConversations(600, "2022-06-01T00:00:00Z", EngineHarness.BUSINESS);
        openConversations(400, "2022-06-02T00:00:00Z", EngineHarness.OTHER_BUSINESS);
        assertTrue(h.lines.stream().allMatch(l -> l.type() == PricingType.FREE_TIER));
        Line charged = h.template("2022-06-03T00:00:00Z", BRAZIL, UTILITY);
        assertEquals(PricingType.REGULAR, charged.type());
        assertEquals(BillableCategory.BUSINESS_INITIATED, charged.billable());
        assertEquals("0.009", charged.amountText());
        h.in("2022-06-03T01:00:00Z", EngineHarness.INDIA);
        assertEquals("0.006", h.freeForm("2022-06-03T01:01:00Z", EngineHarness.INDIA).amountText(), "user-initiated rate");
        assertEquals(PricingType.FREE_TIER, h.template("2022-07-01T00:00:00Z", EngineHarness.UK, UTILITY).type(), "a new month");
    }

    @Test
    void freeEntryPointConversationsDoNotCountTowardTheFreeTier() {
        openConversations(999, "2022-06-01T00:00:00Z", EngineHarness.BUSINESS);
        h.in("2022-06-02T00:00:00Z", BRAZIL, EntryPoint.CTWA);
        assertEquals(PricingType.FREE_ENTRY_POINT, h.freeForm("2022-06-02T00:01:00Z", BRAZIL).type());
        assertEquals(PricingType.FREE_TIER, h.template("2022-06-02T01:00:00Z", EngineHarness.UK, UTILITY).type());
        assertEquals(PricingType.REGULAR, h.template("2022-06-02T02:00:00Z", EngineHarness.INDIA, UTILITY).type());
    }

    @Test
    void freeEntryPointConversationLasts24HoursBeforeMarch2023() {
        h.in("2023-02-20T00:00:00Z", BRAZIL, EntryPoint.CTWA);
        Line reply = h.freeForm("2023-02-20T02:00:00Z", BRAZIL);
        assertEquals(PricingType.FREE_ENTRY_POINT, reply.type());
        assertEquals(BillableCategory.REFERRAL_CONVERSION, reply.billable());
        assertTrue(reply.note().contains("24h"), reply.note());
        Line inside = h.template("2023-02-21T01:59:59Z", BRAZIL, MARKETING);
        Line after = h.template("2023-02-21T02:00:00Z", BRAZIL, MARKETING);
        assertEquals(PricingType.FREE_ENTRY_POINT, inside.type());
        assertEquals(reply.conversationId(), inside.conversationId());
        assertEquals(PricingType.FREE_TIER, after.type(), "a new, business-initiated conversation");
        assertEquals(BillableCategory.BUSINESS_INITIATED, after.billable());
    }

    @Test
    void freeEntryPointConversationLasts72HoursFromMarch2023() {
        h.in("2023-03-01T00:00:00Z", BRAZIL, EntryPoint.PAGE_CTA);
        Line reply = h.freeForm("2023-03-01T02:00:00Z", BRAZIL);
        assertTrue(reply.note().contains("72h"), reply.note());
        assertEquals(PricingType.FREE_ENTRY_POINT, h.template("2023-03-04T01:59:59Z", BRAZIL, MARKETING).type());
        assertEquals(PricingType.FREE_TIER, h.template("2023-03-04T02:00:00Z", BRAZIL, MARKETING).type());
    }

    @Test
    void theLongerEntryPointWindowStartsAtTheAccountsLocalMidnight() {
        h.zone("Asia/Tokyo");
        h.in("2023-02-28T14:00:00Z", BRAZIL, EntryPoint.CTWA);
        Line reply = h.freeForm("2023-02-28T15:00:00Z", BRAZIL);
        assertTrue(reply.note().contains("72h"), "00:00 on 1 March in Tokyo: " + reply.note());
    }

    @Test
    void anOpenConversationUsesUpTheEntry() {
        Line opening = h.template("2022-09-05T09:00:00Z", BRAZIL, MARKETING);
        h.in("2022-09-05T10:00:00Z", BRAZIL, EntryPoint.CTWA);
        Line reply = h.freeForm("2022-09-05T11:00:00Z", BRAZIL);
        assertEquals(PricingType.IN_CONVERSATION, reply.type());
        assertEquals(opening.conversationId(), reply.conversationId());
        Line afterExpiry = h.freeForm("2022-09-06T09:30:00Z", BRAZIL);
        assertEquals(PricingType.FREE_TIER, afterExpiry.type(), "the entry gave no free conversation");
        assertEquals(BillableCategory.USER_INITIATED, afterExpiry.billable());
        assertNotEquals(opening.conversationId(), afterExpiry.conversationId());
    }

    @Test
    void theEntryMustBeTheUsersLatestMessage() {
        h.in("2022-09-05T10:00:00Z", BRAZIL, EntryPoint.CTWA);
        h.in("2022-09-05T11:00:00Z", BRAZIL);
        Line reply = h.freeForm("2022-09-05T12:00:00Z", BRAZIL);
        assertEquals(PricingType.FREE_TIER, reply.type());
        assertEquals(BillableCategory.USER_INITIATED, reply.billable());
    }

    @Test
    void onlyTheFirstConversationFromOneEntryIsFree() {
        h.in("2022-09-05T10:00:00Z", BRAZIL, EntryPoint.CTWA);
        assertEquals(PricingType.FREE_ENTRY_POINT, h.freeForm("2022-09-05T10:01:00Z", BRAZIL).type());
        Line next = h.template("2022-09-06T10:01:00Z", BRAZIL, UTILITY);
        assertEquals(PricingType.FREE_TIER, next.type());
    }

    @Test
    void conversationExpiryRoundsUpToWholeMinute() {
        Line opening = h.template("2022-06-06T10:00:30Z", BRAZIL, UTILITY);
        Line covered = h.template("2022-06-07T10:00:59Z", BRAZIL, UTILITY);
        Line next = h.template("2022-06-07T10:01:00Z", BRAZIL, UTILITY);
        assertEquals(PricingType.IN_CONVERSATION, covered.type());
        assertEquals(opening.conversationId(), covered.conversationId());
        assertEquals(PricingType.FREE_TIER, next.type(), "a message at exactly the expiry opens a new conversation");
    }

    @Test
    void conversationOpenedOnAWholeMinuteIsNotRoundedFurther() {
        h.template("2022-06-06T10:00:00Z", BRAZIL, UTILITY);
        assertEquals(PricingType.IN_CONVERSATION, h.template("2022-06-07T09:59:59Z", BRAZIL, UTILITY).type());
        assertEquals(PricingType.FREE_TIER, h.template("2022-06-07T10:00:00Z", BRAZIL, UTILITY).type());
    }

    @Test
    void conversationExpiryCountsFromDeliveryByDefault() {
        h.price(h.templateMsg("2022-06-06T10:00:30Z", BRAZIL, UTILITY).deliveredAt("2022-06-06T10:01:10Z"));
        assertEquals(PricingType.IN_CONVERSATION, h.template("2022-06-07T10:01:30Z", BRAZIL, UTILITY).type(),
                "expires at 10:02 the next day");
    }

    @Test
    void conversationExpiryCountsFromTheSendInstantWithTheSendOption() {
        h.options(o -> o.withExpiryBase(ExpiryBase.SEND));
        h.price(h.templateMsg("2022-06-06T10:00:30Z", BRAZIL, UTILITY).deliveredAt("2022-06-06T10:01:10Z"));
        assertEquals(PricingType.FREE_TIER, h.template("2022-06-07T10:01:30Z", BRAZIL, UTILITY).type(),
                "expired at 10:01 the next day");
    }
}
