package io.wabill.sim.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Every way an amount is combined stops at the bound with an AmountOverflowException, never a wrapped number. */
class MoneyOverflowTest {
    static final long MAX = Long.MAX_VALUE;

    @Test
    void addStopsAtTheBoundInBothDirectionsAndIsExactUpToIt() {
        assertEquals(MAX, Money.add(MAX - 1, 1));
        assertEquals(Long.MIN_VALUE, Money.add(Long.MIN_VALUE + 1, -1));
        AmountOverflowException up = assertThrows(AmountOverflowException.class, () -> Money.add(MAX, 1));
        assertTrue(up.getMessage().startsWith("amounts of 92233720368.54775807 and 0.00000001 add up to more than "
                + AmountOverflowException.LARGEST), up.getMessage());
        assertThrows(AmountOverflowException.class, () -> Money.add(Long.MIN_VALUE, -1));
        assertThrows(AmountOverflowException.class, () -> Money.add(MAX / 2 + 1, MAX / 2 + 1));
    }

    @Test
    void subtractAndTimesStopAtTheBound() {
        assertEquals(0, Money.subtract(MAX, MAX));
        assertEquals(-MAX, Money.subtract(0, MAX));
        assertThrows(AmountOverflowException.class, () -> Money.subtract(-2, MAX));
        assertEquals(6, Money.times(2, 3));
        assertEquals(-6, Money.times(2, -3));
        assertEquals(MAX, Money.times(1, MAX));
        // 922,338 messages at the highest rate a card may give (100,000 a message) pass the bound.
        long cap = Money.toUnits(BigDecimal.valueOf(100_000));
        assertEquals(922_337L * cap, Money.times(922_337, cap));
        AmountOverflowException e = assertThrows(AmountOverflowException.class, () -> Money.times(922_338, cap));
        assertTrue(e.getMessage().startsWith("922338 messages at 100000.00 come to more than"), e.getMessage());
        assertThrows(AmountOverflowException.class, () -> Money.times(MAX, 2));
        assertThrows(AmountOverflowException.class, () -> Money.times(Long.MIN_VALUE, -1));
    }

    @Test
    void anAmountPastTheBoundIsAnOverflowAndTooManyDecimalsIsNot() {
        assertEquals(MAX, Money.toUnits(new BigDecimal("92233720368.54775807")));
        assertThrows(AmountOverflowException.class, () -> Money.toUnits(new BigDecimal("92233720368.54775808")));
        ArithmeticException decimals = assertThrows(ArithmeticException.class, () -> Money.toUnits(new BigDecimal("0.000000001")));
        assertTrue(!(decimals instanceof AmountOverflowException), "a ninth decimal is another problem");
        assertThrows(AmountOverflowException.class, () -> Money.perMillion(MAX, new BigDecimal("2")));
    }
}
