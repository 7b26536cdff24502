package io.wabill.sim.rates;

import java.time.LocalDate;

/**
 * What a user can do about a charge no card prices: where Meta publishes its rate cards, and the one command that
 * turns the downloaded file into a catalog. Every missing-card error ends with it, so none is a dead end.
 */
public final class MissingCardAdvice {
    /** Meta's pricing page, where the rate cards are downloaded (CSV and XLSX, one per currency and date). */
    public static final String META_PRICING_PAGE = "https://developers.facebook.com/docs/whatsapp/pricing";

    private MissingCardAdvice() {}

    public static String of(String currency, LocalDate day) {
        return "get Meta's " + currency + " rate card in force on " + day + " (Meta publishes its cards, CSV and XLSX per"
                + " currency and effective date, on " + META_PRICING_PAGE + "), turn the downloaded files into a catalog"
                + " with 'wabill rates import FILE… --out DIR' and run again with --rates DIR";
    }
}
