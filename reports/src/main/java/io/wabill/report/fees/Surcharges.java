package io.wabill.report.fees;

import io.wabill.report.LocalDays;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The bill as paid on top of Meta's amount: the provider's fee of a ledger row (a fixed fee per delivered business
 * message and a percentage of Meta's amount, from the {@link FeeSchedule} row in force on the account's local day of
 * the charge instant) and the tax on Meta's amount plus the fee. Meta's amount is never changed. Amounts are in
 * 10^-8 units of the row's currency; a percentage or tax is rounded half-even to that unit, row by row, so the
 * summary's fee and tax equal the ledger's sums exactly. Rows that are not delivered business messages (inbound,
 * rejected, undelivered) pay no fee.
 */
public final class Surcharges {
    private final FeeSchedule fees;
    private final BigDecimal taxRate;
    private final LocalDays days;

    /**
     * @param fees    the provider's price list, or null for none
     * @param taxRate the tax as a fraction (0.18 for 18 %), or null for none
     */
    public Surcharges(FeeSchedule fees, BigDecimal taxRate, LocalDays days) {
        if (taxRate != null && taxRate.signum() < 0) throw new IllegalArgumentException("the tax rate must be >= 0, was " + taxRate);
        this.fees = fees;
        this.taxRate = taxRate;
        this.days = days;
    }

    public FeeSchedule fees() { return fees; }

    public BigDecimal taxRate() { return taxRate; }

    /** The provider's fee of a row. */
    public long fee(LedgerLine l) {
        if (fees == null || l.message().isInbound() || l.chargedAt() == io.wabill.sim.events.LogRow.NONE) return 0;
        PricingType t = l.type();
        if (t == PricingType.REJECTED || t == PricingType.UNDELIVERED || t == PricingType.INBOUND) return 0;
        FeeSchedule.Row row = fees.rowFor(l.billable().code(), l.currency(), days.day(l.message().account(), l.chargedAt()));
        if (row == null) return 0;
        long units = Money.toUnits(row.perMessage());
        if (row.percent().signum() != 0 && l.amountUnits() != 0)
            units = Money.add(units, BigDecimal.valueOf(l.amountUnits()).multiply(row.percent())
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_EVEN).longValueExact());
        return units;
    }

    /** The tax on Meta's amount plus the fee. */
    public long tax(long metaUnits, long feeUnits) {
        long base = Money.add(metaUnits, feeUnits);
        if (taxRate == null || base == 0) return 0;
        return BigDecimal.valueOf(base).multiply(taxRate).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** Parses {@code 0.18}, {@code 18%} or {@code 18 %} into a fraction. */
    public static BigDecimal parseRate(String text) {
        String t = text.strip();
        BigDecimal rate = t.endsWith("%") ? new BigDecimal(t.substring(0, t.length() - 1).strip()).movePointLeft(2) : new BigDecimal(t);
        if (rate.signum() < 0) throw new NumberFormatException("negative");
        return rate;
    }
}
