package io.wabill.sim.api;

/** A configuration that cannot price anything (e.g. a what-if card the catalog lacks): bad input, not a bug. */
public final class PricingConfigException extends IllegalArgumentException {
    public PricingConfigException(String message) { super(message); }
}
