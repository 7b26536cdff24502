package io.wabill.data.rates.meta;

import java.math.BigDecimal;

/**
 * A band as printed, before the card is checked: {@code from} may be Meta's 0, {@code to} is
 * Long.MAX_VALUE when open, {@code rate} is null when the cell could not be read (already reported).
 */
record RawBand(long from, long to, BigDecimal rate, long line, String column) {
    static RawBand list(BigDecimal rate, long line, String column) {
        return new RawBand(1, Long.MAX_VALUE, rate, line, column);
    }
}
