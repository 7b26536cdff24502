package io.wabill.sim.engine;

import static io.wabill.sim.domain.TemplateCategory.AUTHENTICATION;
import static io.wabill.sim.engine.EngineHarness.BRAZIL;
import static io.wabill.sim.engine.EngineHarness.INDIA;
import static io.wabill.sim.engine.EngineHarness.UK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wabill.sim.account.Account;
import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.engine.EngineHarness.Line;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authentication-international (PRICING.md X1-X3, C8). */
class AuthInternationalRulesTest {
    private final EngineHarness h = new EngineHarness();

    private void account(String zone, String businessCountry, String from, Map<String, LocalDate> byMarket) {
        h.account(new Account("default", ZoneId.of(zone), "USD", businessCountry,
                from == null ? null : LocalDate.parse(from), byMarket, null));
    }

    @Test
    void anEligibleBusinessInAnotherCountryPaysTheInternationalRateUnderCbp2AndPmp() {
        account("UTC", "GB", "2024-06-01", Map.of());
        Line cbp = h.template("2024-06-15T00:00:00Z", INDIA, AUTHENTICATION);
        Line pmp = h.template("2025-08-15T00:00:00Z", INDIA, AUTHENTICATION);
        assertEquals(BillableCategory.AUTHENTICATION_INTERNATIONAL, cbp.billable());
        assertEquals("0.03", cbp.amountText());
        assertEquals(BillableCategory.AUTHENTICATION_INTERNATIONAL, pmp.billable());
        assertEquals("0.03", pmp.amountText());
    }

    @Test
    void eligibilityStartsAtTheAccountsLocalMidnight() {
        account("Asia/Kolkata", "GB", "2024-06-01", Map.of());
        assertEquals(BillableCategory.AUTHENTICATION, h.template("2024-05-31T18:29:59Z", INDIA, AUTHENTICATION).billable());
        assertEquals(BillableCategory.AUTHENTICATION_INTERNATIONAL,
                h.template("2024-05-31T18:30:00Z", EngineHarness.BRAZIL, AUTHENTICATION).billable());
    }

    @Test
    void aBusinessInTheUsersOwnCountryPaysTheAuthenticationRate() {
        account("UTC", "IN", "2024-06-01", Map.of());
        Line l = h.template("2024-06-15T00:00:00Z", INDIA, AUTHENTICATION);
        assertEquals(BillableCategory.AUTHENTICATION, l.billable());
        assertEquals("0.008", l.amountText());
    }

    @Test
    void aCardWithoutTheInternationalRateForTheMarketMeansTheAuthenticationRate() {
        account("UTC", "IN", "2024-06-01", Map.of());
        assertEquals(BillableCategory.AUTHENTICATION, h.template("2024-06-15T00:00:00Z", UK, AUTHENTICATION).billable());
    }

    @Test
    void accountsAreNotEligibleByDefault() {
        account("UTC", "GB", null, Map.of());
        assertEquals(BillableCategory.AUTHENTICATION, h.template("2025-08-15T00:00:00Z", INDIA, AUTHENTICATION).billable());
    }

    @Test
    void aPerMarketStartOverridesTheAccountsStart() {
        account("UTC", "GB", "2024-06-01", Map.of("India", LocalDate.of(2024, 7, 1)));
        assertEquals(BillableCategory.AUTHENTICATION, h.template("2024-06-15T00:00:00Z", INDIA, AUTHENTICATION).billable());
        assertEquals(BillableCategory.AUTHENTICATION_INTERNATIONAL, h.template("2024-06-15T00:00:00Z", BRAZIL, AUTHENTICATION).billable());
        assertEquals(BillableCategory.AUTHENTICATION_INTERNATIONAL, h.template("2024-07-01T00:00:00Z", INDIA, AUTHENTICATION).billable());
    }

    @Test
    void theCardInForceDecidesNotMetasFirstPublicationDate() {
        account("UTC", "GB", "2020-01-01", Map.of());
        Line l = h.template("2023-07-01T00:00:00Z", BRAZIL, AUTHENTICATION);
        assertEquals(BillableCategory.AUTHENTICATION_INTERNATIONAL, l.billable(), "the test card has the rate; X3 does not gate");
    }
}
