package io.wabill.cli;

import io.wabill.app.UserException;

import io.wabill.data.accounts.AccountSettings;
import io.wabill.data.accounts.AccountsException;
import io.wabill.data.accounts.AccountsReader;
import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Account settings (FORMATS.md section 2): options for the default account, or an accounts file. */
public final class AccountOptions {
    @Option(names = "--accounts", paramLabel = "FILE", description = "accounts.csv: account,time_zone,currency,business_country,auth_international_from,portfolio")
    Path accountsFile;

    @Option(names = "--time-zone", paramLabel = "ZONE", converter = ZoneConverter.class, description = "time zone of the default account (IANA), decides month boundaries and switches; default: ${DEFAULT-VALUE}", defaultValue = "UTC")
    ZoneId timeZone;

    @Option(names = "--currency", paramLabel = "CUR", description = "billing currency of the default account; default: ${DEFAULT-VALUE}", defaultValue = "USD")
    String currency;

    @Option(names = "--business-country", paramLabel = "CC", description = "ISO country the business is based in (authentication-international, X1)")
    String businessCountry;

    @Option(names = "--auth-international-from", paramLabel = "DATE", converter = DayConverter.class, description = "date the default account became eligible for authentication-international rates (X2)")
    LocalDate authInternationalFrom;

    @Option(names = "--portfolio", paramLabel = "ID", description = "business portfolio of the default account (shares volume tiers, D7)")
    String portfolio;

    /** The default account from the options, and the accounts file's accounts. */
    public AccountBook book() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("time_zone", timeZone.getId());
        s.put("currency", currency);
        if (businessCountry != null) s.put("business_country", businessCountry);
        if (authInternationalFrom != null) s.put("auth_international_from", authInternationalFrom.toString());
        if (portfolio != null) s.put("portfolio", portfolio);
        Account template;
        try {
            template = AccountSettings.build(Account.DEFAULT_ID, s);
        } catch (IllegalArgumentException e) {
            throw new UserException("account options: " + e.getMessage());
        }
        List<Account> configured = List.of();
        if (accountsFile != null) {
            try {
                configured = AccountsReader.read(accountsFile);
            } catch (AccountsException e) {
                throw new UserException("the accounts file has problems:\n  " + e.getMessage());
            } catch (IOException e) {
                throw new UserException("cannot read the accounts file " + accountsFile + ": " + e.getMessage());
            }
        }
        return new AccountBook(template, configured);
    }
}
