package io.wabill.app;

/** What the run's helper threads (the reader, the receiving side) share. */
final class Threads {
    private Threads() {}

    /**
     * Waits for {@code t} to end, even when this thread is interrupted meanwhile (the interrupt is kept for the caller):
     * a run never returns while a thread of its own still touches its files.
     */
    static void join(Thread t) {
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
