package io.wabill.report;

import java.math.BigDecimal;

/**
 * One row of {@code daily.csv}: charged messages and their amount on one account-local day, per account and
 * billable category, with the regime and the rate card in force that day (G1, G2).
 */
public record DailyRow(String day, String account, String billableCategory, long messages, BigDecimal amount,
                       String currency, String regime, String rateCard) {}
