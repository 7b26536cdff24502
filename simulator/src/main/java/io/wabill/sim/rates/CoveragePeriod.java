package io.wabill.sim.rates;

import java.time.LocalDate;

/** A declared period of a currency's catalog; null bounds are open (G2a). */
public record CoveragePeriod(String currency, LocalDate from, LocalDate to, CoverageStatus status, String note) {
    public CoveragePeriod {
        if (from != null && to != null && to.isBefore(from))
            throw new IllegalArgumentException("coverage 'to' " + to + " is before 'from' " + from);
    }

    public boolean contains(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    public String describe() {
        return currency + " " + (from == null ? "…" : from.toString()) + " to " + (to == null ? "…" : to.toString());
    }
}
