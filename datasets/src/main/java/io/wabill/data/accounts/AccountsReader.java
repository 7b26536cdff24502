package io.wabill.data.accounts;

import io.wabill.data.io.BadInputException;
import io.wabill.data.log.RowError;
import io.wabill.data.rates.CsvFiles;
import io.wabill.sim.account.Account;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code accounts.csv}: {@code account,time_zone,currency,business_country,auth_international_from,portfolio}
 * (only {@code account} required, empty cells take the defaults). Every bad row is reported at once.
 */
public final class AccountsReader {
    private AccountsReader() {}

    /** The accounts, or throws {@link AccountsException} listing every problem. */
    public static List<Account> read(Path file) throws IOException, AccountsException {
        CsvFiles.Table t;
        try (InputStream in = Files.newInputStream(file)) {
            t = CsvFiles.read(in, file.toString());
        } catch (BadInputException e) { // malformed (an unbalanced quote) or past the bounds of a small table
            throw new AccountsException(List.of(new RowError(file.toString(), e.line(), e.column(), "", e.reason())));
        }
        List<RowError> problems = new ArrayList<>();
        List<Account> accounts = new ArrayList<>();
        if (!t.header().contains("account"))
            problems.add(new RowError(file.toString(), 1, "account", "", "the accounts file needs an 'account' column"));
        Set<String> seen = new HashSet<>();
        for (CsvFiles.Row r : t.rows()) {
            String id = r.get("account");
            if (id.isEmpty()) {
                problems.add(new RowError(file.toString(), r.line(), "account", "", "an account id is required"));
                continue;
            }
            if (!seen.add(id)) {
                problems.add(new RowError(file.toString(), r.line(), "account", id, "account listed twice"));
                continue;
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (String h : t.header()) if (!h.equals("account") && !r.get(h).isEmpty()) settings.put(h, r.get(h));
            settings.keySet().removeIf(k -> !KNOWN.contains(k));
            try {
                accounts.add(AccountSettings.build(id, settings));
            } catch (IllegalArgumentException e) {
                String column = e.getMessage().contains(":") ? e.getMessage().substring(0, e.getMessage().indexOf(':')) : "";
                problems.add(new RowError(file.toString(), r.line(), column, settings.getOrDefault(column, ""), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) throw new AccountsException(problems);
        return accounts;
    }

    static final Set<String> KNOWN = Set.of("time_zone", "currency", "business_country", "auth_international_from",
            "auth_international_markets", "portfolio");
}
