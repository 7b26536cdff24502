package io.wabill.report;

/** What the helper threads of a run share: the ledger's writer here, the reader and the receiving side in app. */
public final class Threads {
    private Threads() {}

    /**
     * Waits for {@code t} to end, even when this thread is interrupted meanwhile (the interrupt is kept for the caller):
     * a run never returns while a thread of its own still touches its files.
     */
    public static void join(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
