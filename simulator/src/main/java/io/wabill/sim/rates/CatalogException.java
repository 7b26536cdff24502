package io.wabill.sim.rates;

/** A charge the catalog cannot price: no card, a missing period, a market or rate the card lacks. */
public final class CatalogException extends RuntimeException {
    public CatalogException(String message) { super(message); }
}
