package io.wabill.sim.engine;

/** Receives each priced message in charge order. */
@FunctionalInterface
public interface LedgerSink {
    void accept(LedgerLine line);
}
