package io.wabill.report;

import io.wabill.sim.money.Money;
import java.math.RoundingMode;

/**
 * Amounts as a person reads them on an invoice: rounded to the cent (half up), plain digits. Only for display (the
 * report, the console); every file keeps the exact amount, so a spreadsheet's sums still equal the ledger's.
 */
public final class Cents {
    private Cents() {}

    /** {@code 627.44673} (in 10^-8 units) shows as {@code 627.45}. */
    public static String of(long units) {
        return Money.toDecimal(units).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
