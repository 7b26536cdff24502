package io.wabill.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A pair is forgotten only when the clock reaches the latest end it was ever extended to: a service window
 * shortened by a customer's message priced late (as logged, a stream may hold messages back) keeps the pair.
 */
class PairTableTest {
    /** Fills the table with closed pairs of business 2 so that the next new pair makes it sweep at {@code now}. */
    private static void fillAndSweep(PairTable table, PairState cursor, long now) {
        for (int c = 1; c < 2048; c++) table.get(2, c, now, cursor);
        table.get(3, 1, now, cursor);
    }

    @Test
    void aShortenedServiceWindowStillKeepsThePairUntilTheLongerEnd() {
        PairTable table = new PairTable();
        PairState pair = new PairState(table);
        table.get(1, 1, Long.MIN_VALUE, pair);
        pair.cswEnd(1_000);
        pair.extend(1_000);
        pair.cswEnd(500); // a customer's message priced late opens a window ending earlier
        pair.extend(500);
        fillAndSweep(table, new PairState(table), 700);
        assertEquals(500, table.get(1, 1, 700, pair).cswEnd(), "kept: something was open until 1000");
        assertEquals(1, table.size() - 1, "the closed pairs were forgotten");
    }

    /** A strategy's look at a pair reads what the table holds, or a pair with nothing open, and creates nothing. */
    @Test
    void peekingShowsTheHeldStateOrNothingOpenAndCreatesNothing() {
        PairTable table = new PairTable();
        PairState pair = new PairState(table), look = new PairState(table);
        table.get(1, 1, Long.MIN_VALUE, pair);
        pair.cswEnd(1_000);
        pair.extend(1_000);
        pair.entryAt(400);
        assertEquals(1_000, table.peek(1, 1, look).cswEnd());
        assertEquals(400, table.peek(1, 1, look).entryAt());
        for (int c = 2; c < 5000; c++) {
            PairState none = table.peek(1, c, look);
            assertEquals(PairState.CLOSED, none.cswEnd());
            assertEquals(PairState.CLOSED, none.fepEnd());
            assertEquals(PairState.CLOSED, none.entryAt());
            assertEquals(false, none.entryPending());
            assertEquals(false, none.conversationOpen(ConversationSlot.UTILITY, 0));
            assertEquals(-1, none.country(13));
        }
        assertEquals(1, table.size(), "nothing created");
        fillAndSweep(table, new PairState(table), 2_000); // the table grows and sweeps: its spare slot stays empty
        assertEquals(PairState.CLOSED, table.peek(9, 9, look).cswEnd());
        assertEquals(PairState.CLOSED, table.peek(1, 1, look).cswEnd(), "forgotten once closed");
    }

    @Test
    void aPairIsForgottenOnceEverythingClosed() {
        PairTable table = new PairTable();
        PairState pair = new PairState(table);
        table.get(1, 1, Long.MIN_VALUE, pair);
        pair.cswEnd(1_000);
        pair.extend(1_000);
        pair.fepEnd(900);
        pair.extend(900);
        fillAndSweep(table, new PairState(table), 1_000);
        PairState again = table.get(1, 1, 1_000, pair);
        assertEquals(PairState.CLOSED, again.cswEnd(), "forgotten and made anew");
        assertEquals(PairState.CLOSED, again.fepEnd());
    }

    @Test
    void anFepWindowBeyondTheServiceWindowKeepsThePair() {
        PairTable table = new PairTable();
        PairState pair = new PairState(table);
        table.get(1, 1, Long.MIN_VALUE, pair);
        pair.cswEnd(1_000);
        pair.extend(1_000);
        pair.fepEnd(3_000);
        pair.extend(3_000);
        fillAndSweep(table, new PairState(table), 2_000);
        assertEquals(3_000, table.get(1, 1, 2_000, pair).fepEnd());
    }
}
