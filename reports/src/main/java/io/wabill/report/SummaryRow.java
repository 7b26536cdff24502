package io.wabill.report;

import java.math.BigDecimal;

/**
 * One row of {@code summary.csv} as written: the cells are the file's, so a chart or table drawn from these rows
 * shows exactly what an analyst reads in the file.
 */
public record SummaryRow(String month, String account, String market, String billableCategory, String pricingType,
                         long messages, BigDecimal amount, String currency) {}
