package io.wabill.sim.market;

import java.time.LocalDate;

/** One row of the market map: a country belongs to a market from {@code validFrom} to {@code validTo} (inclusive, null = open). */
public record MarketAssignment(String market, String countryName, String iso2, String callingCode,
                               LocalDate validFrom, LocalDate validTo) {
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
