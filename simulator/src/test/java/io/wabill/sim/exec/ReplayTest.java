package io.wabill.sim.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.engine.Engine;
import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.events.Message;
import io.wabill.sim.strategy.Decision;
import io.wabill.sim.strategy.Intent;
import io.wabill.sim.strategy.Strategies;
import io.wabill.sim.strategy.Strategy;
import io.wabill.sim.strategy.StrategyChain;
import io.wabill.sim.strategy.StrategyContext;
import io.wabill.sim.strategy.WindowView;
import io.wabill.sim.testing.TestWorld;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked replays, one per built-in strategy. Rates of the test world: marketing 0.05, utility 0.01,
 * authentication 0.008; August 2025 is PMP (D1-D6), October 2026 is PMP-26 (E1).
 */
class ReplayTest {
    static final String A = "5511987600001", B = "5511987600002", C = "5511987600003", D = "5511987600004";

    private static ReplayStats replay(TestWorld w, String strategy, List<Message> log) {
        Engine engine = w.engine(PricingOptions.defaults());
        Replay r = new Replay(engine, strategy == null ? StrategyChain.asLogged() : Strategies.parse(strategy));
        for (Message m : log) r.submit(m, engine.evaluationInstant(m));
        r.finish();
        assertTrue(r.stats().balanced(), "every intended message is sent, dropped or pending");
        return r.stats();
    }

    private static List<Message> conversationFirstLog(TestWorld w) {
        return List.of(
                w.template("U1", "2025-08-04T10:00:00Z", A, TemplateCategory.UTILITY),
                w.template("M1", "2025-08-04T10:00:00Z", B, TemplateCategory.MARKETING),
                w.template("A1", "2025-08-04T11:00:00Z", B, TemplateCategory.AUTHENTICATION),
                w.inbound("2025-08-04T14:00:00Z", A),
                w.template("U2", "2025-08-04T15:00:00Z", A, TemplateCategory.UTILITY),
                w.inbound("2025-08-04T23:00:00Z", C));
    }

    @Test
    void asLoggedPricesTheLogAsItIs() {
        TestWorld w = new TestWorld();
        ReplayStats s = replay(w, null, conversationFirstLog(w));
        // U1 0.01 (no window) + M1 0.05 + A1 0.008 + U2 free inside the window (D3) = 0.068
        assertEquals(new BigDecimal("0.068"), w.total());
        assertEquals(4, s.intended());
        assertEquals(4, s.sentAsLogged());
    }

    @Test
    void conversationFirstWaitsForTheCustomerAndRepliesFreeForm() {
        TestWorld w = new TestWorld();
        ReplayStats s = replay(w, "conversation-first:defer=12h", conversationFirstLog(w));
        // U1 waits 4 h for A's message and goes free-form inside the window: free (D2).
        assertEquals("free_customer_service", w.outcome("U1").type());
        assertEquals(TestWorld.at("2025-08-04T14:00:00Z"), w.outcome("U1").chargedAt());
        // M1 gets no customer message within 12 h and goes as the logged marketing template at 22:00: 0.05.
        assertEquals(new BigDecimal("0.05"), w.outcome("M1").amount());
        assertEquals(TestWorld.at("2025-08-04T22:00:00Z"), w.outcome("M1").chargedAt());
        // A1 is not a deferrable category: as logged, 0.008. U2 finds the window open, where a utility template is
        // free under PMP (D3): rewriting it would gain nothing, so it goes as logged.
        assertEquals(new BigDecimal("0.008"), w.outcome("A1").amount());
        assertEquals("free_customer_service", w.outcome("U2").type());
        assertEquals("utility", w.outcome("U2").billable());
        assertEquals(new BigDecimal("0.058"), w.total());
        assertEquals(2, s.deferred());
        assertEquals(2, s.sentChanged());
        assertEquals(8 * 3_600_000.0, s.meanDelayMillis());
        assertEquals(12 * 3_600_000L, s.p95DelayMillis());
    }

    @Test
    void aMessageReleasedByTheCustomerFollowsTheBusinessMessagesLoggedAtThatInstant() {
        TestWorld w = new TestWorld();
        replay(w, "conversation-first:defer=12h", List.of(
                w.template("U1", "2025-08-04T10:00:00Z", A, TemplateCategory.UTILITY),
                w.inbound("2025-08-04T14:00:00Z", A),
                w.freeForm("X", "2025-08-04T14:00:00Z", A)));
        assertEquals(List.of("inbound", "X", "U1"), w.lines.stream().map(o -> o.messageId() == null ? "inbound" : o.messageId()).toList());
    }

    @Test
    void notificationFirstSendsATemplateWhereFreeFormWouldBeRefused() {
        TestWorld w = new TestWorld();
        List<Message> log = List.of(
                w.inbound("2025-08-04T09:00:00Z", A),
                w.freeForm("F1", "2025-08-04T10:00:00Z", D),
                w.freeForm("F2", "2025-08-04T10:05:00Z", A));
        replay(w, null, log);
        assertEquals("rejected", w.outcome("F1").type()); // G7 as logged

        TestWorld n = new TestWorld();
        ReplayStats s = replay(n, "notification-first", List.of(
                n.inbound("2025-08-04T09:00:00Z", A),
                n.freeForm("F1", "2025-08-04T10:00:00Z", D),
                n.freeForm("F2", "2025-08-04T10:05:00Z", A)));
        assertEquals(new BigDecimal("0.01"), n.outcome("F1").amount()); // a utility template outside the window
        assertEquals("free_customer_service", n.outcome("F2").type()); // inside the window it stays free-form
        assertEquals("service", n.outcome("F2").billable());
        assertEquals(1, s.sentChanged());

        TestWorld inside = new TestWorld();
        replay(inside, "notification-first:inside=true", List.of(
                inside.inbound("2025-08-04T09:00:00Z", A),
                inside.freeForm("F2", "2025-08-04T10:05:00Z", A)));
        assertEquals("utility", inside.outcome("F2").billable()); // a utility template inside the window: free (D3)
        assertEquals("free_customer_service", inside.outcome("F2").type());
    }

    @Test
    void windowAwareUtilityIsFreeUnderPmpButStillChargedUnderPmp26() {
        TestWorld w = new TestWorld();
        replay(w, "window-aware-utility:defer=24h", List.of(
                w.template("U1", "2025-08-04T10:00:00Z", A, TemplateCategory.UTILITY),
                w.inbound("2025-08-04T13:00:00Z", A)));
        assertEquals("free_customer_service", w.outcome("U1").type()); // D3
        assertEquals("utility", w.outcome("U1").billable());

        TestWorld later = new TestWorld();
        replay(later, "window-aware-utility:defer=24h", List.of(
                later.template("U1", "2026-10-05T10:00:00Z", A, TemplateCategory.UTILITY),
                later.inbound("2026-10-05T13:00:00Z", A)));
        assertEquals(new BigDecimal("0.01"), later.outcome("U1").amount()); // E1
    }

    @Test
    void reclassifyBillsTheChosenShareOfUtilityAsMarketing() {
        TestWorld all = new TestWorld();
        replay(all, "reclassify:p=1", List.of(all.template("U1", "2025-08-04T10:00:00Z", A, TemplateCategory.UTILITY),
                all.template("U2", "2025-08-04T11:00:00Z", B, TemplateCategory.UTILITY)));
        assertEquals(new BigDecimal("0.1"), all.total());
        TestWorld none = new TestWorld();
        replay(none, "reclassify:p=0", List.of(none.template("U1", "2025-08-04T10:00:00Z", A, TemplateCategory.UTILITY)));
        assertEquals(new BigDecimal("0.01"), none.total());
    }

    @Test
    void reclassifyPicksTheSameMessagesWhateverTheirOrder() {
        TestWorld forward = new TestWorld(), backward = new TestWorld();
        List<String> ids = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "wamid." + i).toList();
        List<Message> f = new java.util.ArrayList<>(), b = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String ts = java.time.Instant.parse("2025-08-04T00:00:00Z").plusSeconds(60L * i).toString();
            f.add(forward.template(ids.get(i), ts, A, TemplateCategory.UTILITY));
            String tsb = java.time.Instant.parse("2025-08-04T00:00:00Z").plusSeconds(60L * i).toString();
            b.add(backward.template(ids.get(ids.size() - 1 - i), tsb, A, TemplateCategory.UTILITY));
        }
        replay(forward, "reclassify:p=0.3,seed=7", f);
        replay(backward, "reclassify:p=0.3,seed=7", b);
        for (String id : ids) assertEquals(forward.outcome(id).billable(), backward.outcome(id).billable(), id);
        long marketing = forward.lines.stream().filter(o -> o.billable().equals("marketing")).count();
        assertTrue(marketing > 30 && marketing < 90, "about 30% of 200 reclassified, was " + marketing);
    }

    @Test
    void quietHoursMoveNightMessagesToTheMorning() {
        TestWorld w = new TestWorld();
        ReplayStats s = replay(w, "quiet-hours:from=21:00,to=08:00", List.of(
                w.template("M1", "2025-08-04T23:30:00Z", B, TemplateCategory.MARKETING),
                w.template("M2", "2025-08-05T12:00:00Z", B, TemplateCategory.MARKETING)));
        assertEquals(TestWorld.at("2025-08-05T08:00:00Z"), w.outcome("M1").chargedAt());
        assertEquals(TestWorld.at("2025-08-05T12:00:00Z"), w.outcome("M2").chargedAt());
        assertEquals(8 * 3_600_000L + 30 * 60_000L, s.p95DelayMillis());
    }

    @Test
    void aMessageStillDeferredWhenTheLogEndsIsReportedPendingAndPricedAtTheLogsEnd() {
        TestWorld w = new TestWorld();
        ReplayStats s = replay(w, "conversation-first:defer=12h", List.of(
                w.template("U1", "2025-08-04T20:00:00Z", A, TemplateCategory.UTILITY),
                w.inbound("2025-08-04T21:00:00Z", C)));
        assertEquals(1, s.pending());
        assertEquals(TestWorld.at("2025-08-04T21:00:00Z"), w.outcome("U1").chargedAt());
    }

    @Test
    void aDroppedMessageIsCountedWithItsReasonAndNeverPriced() {
        TestWorld w = new TestWorld();
        Strategy noMarketing = new Strategy() {
            @Override public String spec() { return "no-marketing"; }

            @Override public void decide(Intent intent, WindowView window, StrategyContext context, long now, Decision out) {
                if (intent.isTemplate() && intent.category() == TemplateCategory.MARKETING) out.drop("marketing is off");
                else out.send();
            }
        };
        Engine engine = w.engine(PricingOptions.defaults());
        Replay r = new Replay(engine, new StrategyChain(List.of(noMarketing)));
        for (Message m : List.of(w.template("M1", "2025-08-04T10:00:00Z", B, TemplateCategory.MARKETING),
                w.template("U1", "2025-08-04T11:00:00Z", B, TemplateCategory.UTILITY))) r.submit(m, engine.evaluationInstant(m));
        r.finish();
        assertEquals(1, r.stats().dropped());
        assertEquals(java.util.Map.of("marketing is off", 1L), r.stats().dropReasons());
        assertEquals(List.of("U1"), w.lines.stream().map(TestWorld.Outcome::messageId).toList());
    }
}
