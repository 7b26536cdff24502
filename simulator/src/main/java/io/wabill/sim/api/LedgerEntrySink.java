package io.wabill.sim.api;

/** Receives each priced message of a {@link PricingSession}, in charge order (the engine's event order). */
@FunctionalInterface
public interface LedgerEntrySink {
    void accept(LedgerEntry entry);
}
