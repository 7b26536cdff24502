package io.wabill.sim.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.domain.Regime;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.engine.Engine;
import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.events.Message;
import io.wabill.sim.strategy.Strategies;
import io.wabill.sim.strategy.StrategyChain;
import io.wabill.sim.testing.TestWorld;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked logs for what a strategy costs beyond money: messages the platform refuses because of it (G7, G8),
 * messages still held when the log ends, timing promises that hold through a composition, and waiting only where
 * waiting can save money. Test world: UTC account; marketing 0.05, utility 0.01, service 0.005; August 2025 is
 * PMP, October 2026 PMP-26; +1 numbers are the United States (marketing blocked from 2025-04-01, G8).
 */
class FairStrategyTest {
    static final String A = "5511987600001", B = "5511987600002", US = "14155552671";

    private static ReplayStats replay(TestWorld w, String strategy, PricingOptions options, List<Message> log) {
        Engine engine = w.engine(options);
        Replay r = new Replay(engine, strategy == null ? StrategyChain.asLogged() : Strategies.parse(strategy));
        for (Message m : log) r.submit(m, engine.evaluationInstant(m));
        r.finish();
        assertTrue(r.stats().balanced(), "every intended message is sent, refused, dropped or pending");
        return r.stats();
    }

    private static ReplayStats replay(TestWorld w, String strategy, List<Message> log) {
        return replay(w, strategy, PricingOptions.defaults(), log);
    }

    @Test
    void aUtilityTemplateReclassifiedAsMarketingToAUsNumberIsRefusedAndCountedAsDropped() {
        TestWorld w = new TestWorld();
        ReplayStats s = replay(w, "reclassify:p=1", List.of(
                w.template("U1", "2025-08-04T10:00:00Z", US, TemplateCategory.UTILITY),
                w.template("U2", "2025-08-04T11:00:00Z", A, TemplateCategory.UTILITY)));
        // As logged: 0.01 + 0.01. Reclassified: U1 is a marketing template to the US, refused (G8); U2 costs 0.05.
        assertEquals("rejected", w.outcome("U1").type());
        assertTrue(w.outcome("U1").note().startsWith("G8 error 131049"), w.outcome("U1").note());
        assertTrue(w.outcome("U1").note().endsWith("dropped: refused only because of the strategy"), w.outcome("U1").note());
        assertEquals(new BigDecimal("0.05"), w.total());
        assertEquals(1, s.refused());
        assertEquals(1, s.lost());
        assertEquals(0, s.dropped(), "nothing was withheld by the strategy itself");
        assertEquals(Map.of("G8 error 131049", 1L), s.refusals());
        assertEquals(1, s.sentChanged(), "only U2 went out changed");
    }

    @Test
    void quietHoursMovingAReplyPastItsWindowLoseIt() {
        TestWorld w = new TestWorld();
        ReplayStats s = replay(w, "quiet-hours:from=21:00,to=08:00", List.of(
                w.inbound("2025-08-04T07:00:00Z", A),
                w.freeForm("F1", "2025-08-04T22:00:00Z", A),
                w.inbound("2025-08-05T12:00:00Z", B)));
        // The reply would be free inside the window (until 08-05 07:00); moved to 08:00 it is outside it: G7.
        assertEquals("rejected", w.outcome("F1").type());
        assertTrue(w.outcome("F1").note().contains("G7 error 131047") && w.outcome("F1").note().contains("delayed 10h00m")
                && w.outcome("F1").note().contains("refused only because of the strategy"), w.outcome("F1").note());
        assertEquals(1, s.refused());
        assertEquals(Map.of("G7 error 131047", 1L), s.refusals());
        assertEquals(0, s.delayedAndSent(), "a refused message is lost, not delayed");
    }

    @Test
    void aRefusalTheLogAlreadyHadIsNotTheStrategys() {
        TestWorld w = new TestWorld();
        ReplayStats s = replay(w, "quiet-hours:from=21:00,to=08:00", List.of(
                w.template("M1", "2025-08-04T23:00:00Z", US, TemplateCategory.MARKETING),
                w.freeForm("F1", "2025-08-04T23:30:00Z", B),
                w.inbound("2025-08-05T12:00:00Z", A)));
        // Both are refused as logged (G8, G7); moved to the morning they still are, but that is not the strategy's doing.
        assertEquals("rejected", w.outcome("M1").type());
        assertEquals("rejected", w.outcome("F1").type());
        assertFalse(w.outcome("M1").note().contains("dropped"), w.outcome("M1").note());
        assertEquals(0, s.refused());
        assertEquals(2, s.sentChanged());
    }

    @Test
    void aMessageStillHeldWhenTheLogEndsIsPricedAsIfSentThenAndNeverLooksLikeASaving() {
        TestWorld w = new TestWorld();
        List<Message> log = List.of(
                w.template("U1", "2025-08-04T20:00:00Z", A, TemplateCategory.UTILITY),
                w.inbound("2025-08-04T21:00:00Z", B));
        TestWorld asLogged = new TestWorld();
        replay(asLogged, null, List.of(asLogged.template("U1", "2025-08-04T20:00:00Z", A, TemplateCategory.UTILITY),
                asLogged.inbound("2025-08-04T21:00:00Z", B)));
        ReplayStats s = replay(w, "conversation-first:defer=12h", log);
        // U1 waits for A until 08:00, past the log's last instant (21:00): priced as the utility template at 21:00.
        assertEquals(1, s.pending());
        assertEquals(new BigDecimal("0.01"), w.outcome("U1").amount());
        assertEquals(TestWorld.at("2025-08-04T21:00:00Z"), w.outcome("U1").chargedAt());
        assertTrue(w.outcome("U1").note().contains("still held when the log ended"), w.outcome("U1").note());
        assertEquals(Map.of("USD", 1_000_000L), s.pendingUnits());
        assertEquals(asLogged.total(), w.total(), "the same cost as logged, not a saving");
    }

    @Test
    void quietHoursHoldForADeadlineSendOfALaterStrategy() {
        TestWorld w = new TestWorld();
        ReplayStats s = replay(w, "quiet-hours:from=21:00,to=08:00;conversation-first:defer=12h", List.of(
                w.template("U1", "2025-08-04T15:00:00Z", A, TemplateCategory.UTILITY),
                w.template("M1", "2025-08-04T12:00:00Z", B, TemplateCategory.MARKETING),
                w.inbound("2025-08-04T22:30:00Z", B),
                w.inbound("2025-08-05T12:00:00Z", A)));
        // U1's deadline is 03:00 (night): it waits for 08:00 and goes as the utility template (A writes only at noon).
        assertEquals(TestWorld.at("2025-08-05T08:00:00Z"), w.outcome("U1").chargedAt());
        assertEquals(new BigDecimal("0.01"), w.outcome("U1").amount());
        // B writes at 22:30 (night): the free-form reply waits for 08:00, inside B's window until 08-05 22:30: free.
        assertEquals(TestWorld.at("2025-08-05T08:00:00Z"), w.outcome("M1").chargedAt());
        assertEquals("free_customer_service", w.outcome("M1").type());
        assertEquals(new BigDecimal("0.01"), w.total());
        assertEquals(2, s.deferred());
        assertEquals(0, s.pending());
    }

    @Test
    void conversationFirstDoesNotHoldATemplateThatIsFreeInsideAFreeEntryPointWindow() {
        TestWorld w = new TestWorld();
        ReplayStats s = replay(w, "conversation-first:defer=12h", List.of(
                w.inboundFromAd("2025-08-04T09:00:00Z", A),
                w.freeForm("R1", "2025-08-04T09:05:00Z", A),
                w.template("M1", "2025-08-07T00:00:00Z", A, TemplateCategory.MARKETING),
                w.inbound("2025-08-08T00:00:00Z", B)));
        // R1 opens the 72 h window (until 08-07 09:05, D5). M1 is free in it as logged; waiting 12 h would end past
        // the window and cost 0.05.
        assertEquals("free_entry_point", w.outcome("M1").type());
        assertEquals(TestWorld.at("2025-08-07T00:00:00Z"), w.outcome("M1").chargedAt());
        assertEquals(0, s.deferred());
        assertEquals(2, s.sentAsLogged());
        assertEquals(BigDecimal.ZERO, w.total());
    }

    @Test
    void conversationFirstLeavesUtilityInsideTheWindowAloneUnderPmpButNotUnderPmp26() {
        TestWorld w = new TestWorld();
        ReplayStats s = replay(w, "conversation-first:defer=12h", List.of(
                w.inbound("2025-08-04T10:00:00Z", A),
                w.template("U1", "2025-08-04T11:00:00Z", A, TemplateCategory.UTILITY)));
        assertEquals("free_customer_service", w.outcome("U1").type()); // D3, as logged
        assertEquals("utility", w.outcome("U1").billable());
        assertEquals(1, s.sentAsLogged());

        TestWorld later = new TestWorld();
        ReplayStats l = replay(later, "conversation-first:defer=12h", List.of(
                later.inbound("2026-10-05T10:00:00Z", A),
                later.template("U1", "2026-10-05T11:00:00Z", A, TemplateCategory.UTILITY)));
        // Under PMP-26 the template would cost 0.01 (E1); free-form it is a service message inside the free tier (E3).
        assertEquals("service", later.outcome("U1").billable());
        assertEquals(1, l.sentChanged());
    }

    @Test
    void windowAwareUtilityWaitsOnlyWhereTheWindowMakesUtilityFree() {
        TestWorld pmp26 = new TestWorld();
        ReplayStats s = replay(pmp26, "window-aware-utility:defer=24h", List.of(
                pmp26.template("U1", "2026-10-05T10:00:00Z", A, TemplateCategory.UTILITY),
                pmp26.inbound("2026-10-05T13:00:00Z", A)));
        assertEquals(TestWorld.at("2026-10-05T10:00:00Z"), pmp26.outcome("U1").chargedAt(), "no wait for nothing (E1)");
        assertEquals(0, s.deferred());

        TestWorld forced = new TestWorld();
        ReplayStats f = replay(forced, "window-aware-utility:defer=24h",
                PricingOptions.defaults().withForcedRegime(Regime.PMP26), List.of(
                        forced.template("U1", "2025-08-04T10:00:00Z", A, TemplateCategory.UTILITY),
                        forced.inbound("2025-08-04T13:00:00Z", A)));
        assertEquals(0, f.deferred(), "the regime a scenario is priced under decides, not the calendar");

        TestWorld fep = new TestWorld();
        ReplayStats e = replay(fep, "window-aware-utility:defer=24h", List.of(
                fep.inboundFromAd("2025-08-04T09:00:00Z", A),
                fep.freeForm("R1", "2025-08-04T09:05:00Z", A),
                fep.template("U1", "2025-08-06T12:00:00Z", A, TemplateCategory.UTILITY),
                fep.inbound("2025-08-07T11:00:00Z", A)));
        assertEquals("free_entry_point", fep.outcome("U1").type());
        assertEquals(0, e.deferred());
    }
}
