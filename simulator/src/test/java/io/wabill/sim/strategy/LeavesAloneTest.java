package io.wabill.sim.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.events.Message;
import io.wabill.sim.testing.TestWorld;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A strategy that says it leaves a message alone is skipped by the executive: it must then send that message as it
 * is, at once, whatever the windows and the instant. Checked for every built-in strategy, every kind and category of
 * business message, and windows that are all open or all closed.
 */
class LeavesAloneTest {
    private static final List<String> SPECS = List.of("as-logged", "conversation-first:defer=12h",
            "conversation-first:defer=1h,categories=utility", "notification-first", "notification-first:inside=yes",
            "window-aware-utility:defer=6h", "reclassify:p=50%", "quiet-hours:from=21:00,to=08:00");

    private static WindowView windows(boolean open) {
        return new WindowView() {
            @Override public boolean serviceWindowOpen(long t) { return open; }

            @Override public long serviceWindowEnd() { return open ? Long.MAX_VALUE : Long.MIN_VALUE; }

            @Override public boolean freeEntryPointOpen(long t) { return open; }

            @Override public boolean conversationOpen(TemplateCategory category, long t) { return open; }

            @Override public boolean templateFree(TemplateCategory category, long t) { return open; }

            @Override public boolean freeInsideWindow(TemplateCategory category, long t) { return !open; }
        };
    }

    @Test
    void aMessageLeftAloneIsSentAsItIsWhateverTheWindows() {
        TestWorld w = new TestWorld();
        List<Message> messages = new ArrayList<>();
        int n = 0;
        for (MessageKind kind : MessageKind.values()) {
            if (kind == MessageKind.TEMPLATE) {
                for (TemplateCategory c : TemplateCategory.values())
                    for (String at : List.of("2025-08-04T03:00:00Z", "2025-08-04T12:00:00Z"))
                        messages.add(w.outbound("M" + n++, at, "5511987600001", kind, c));
            } else if (kind != MessageKind.MESSAGE && kind != MessageKind.CALL) {
                messages.add(w.outbound("M" + n++, "2025-08-04T12:00:00Z", "5511987600001", kind, null));
            }
        }
        StrategyContext utc = account -> ZoneOffset.UTC;
        int alone = 0;
        for (String spec : SPECS) {
            for (Strategy s : Strategies.parse(spec).strategies()) {
                for (Message m : messages) {
                    if (!s.leavesAlone(m)) continue;
                    alone++;
                    for (boolean open : new boolean[] {true, false}) {
                        Intent intent = new Intent(m);
                        Decision d = new Decision();
                        long now = m.sendAt();
                        s.decide(intent, windows(open), utc, now, d);
                        assertEquals(Decision.Action.SEND, d.action(), spec + " decides on " + m.kind() + " " + m.category());
                        assertEquals(now, s.notBefore(intent, utc, now), spec + " holds " + m.kind() + " " + m.category());
                    }
                }
            }
        }
        assertTrue(alone > 20, "the check saw messages left alone");
    }
}
