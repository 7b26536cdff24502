package io.wabill.sim.engine;

/** Ledger lines told apart by a field, for tests of code that hands lines on (the engine sets the fields otherwise). */
public final class LedgerLineFixture {
    private LedgerLineFixture() {}

    /** {@code line} with its local month set to {@code month}. */
    public static LedgerLine withMonth(LedgerLine line, int month) {
        line.localMonth = month;
        return line;
    }
}
