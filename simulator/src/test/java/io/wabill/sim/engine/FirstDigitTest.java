package io.wabill.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wabill.sim.market.CountryResolver;
import org.junit.jupiter.api.Test;

/** The first digit a number is written with, read from its key: the G8 check skips numbers not on +1 by it. */
class FirstDigitTest {
    @Test
    void readsTheFirstDigitAsWritten() {
        assertEquals(1, Engine.firstDigit(CountryResolver.numberKey("+15550100")));
        assertEquals(1, Engine.firstDigit(CountryResolver.numberKey("0015550100")));
        assertEquals(5, Engine.firstDigit(CountryResolver.numberKey("5511987600001")));
        assertEquals(0, Engine.firstDigit(CountryResolver.numberKey("0155")), "a leading zero is kept");
        assertEquals(1, Engine.firstDigit(CountryResolver.numberKey("1")));
        assertEquals(9, Engine.firstDigit(CountryResolver.numberKey("999999999999999")));
    }
}
