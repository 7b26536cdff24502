package io.wabill.sim.rates;

/**
 * The card that prices a charge, with what the catalog said about it: {@code tiersUnknown} for a
 * list-only period, {@code stale} when a missing period was allowed to use an older card (G2a).
 */
public record CardChoice(RateCard card, boolean tiersUnknown, boolean stale) {}
