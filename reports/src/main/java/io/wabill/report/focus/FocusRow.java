package io.wabill.report.focus;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One charge row of the FOCUS export: the messages of one (account-local day, account, market, billable category,
 * pricing type), with the portfolio that is invoiced, the card and list rate they were priced from, and their
 * quantity in {@code pricingUnit}.
 */
public record FocusRow(Instant chargeStart, Instant chargeEnd, Instant billingStart, Instant billingEnd,
                       String portfolio, String account, String market, String billableCategory, String pricingType,
                       String pricingModel, String regime, String rateCard, String currency, String pricingUnit,
                       long quantity, long messages, BigDecimal listUnitPrice, BigDecimal listCost, BigDecimal billedCost) {}
