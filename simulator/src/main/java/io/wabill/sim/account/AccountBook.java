package io.wabill.sim.account;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured accounts; a log row whose account is not configured uses the defaults (FORMATS.md section 2). */
public final class AccountBook {
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Account template;

    /** {@code template} gives the settings of unconfigured accounts (only its id is replaced). */
    public AccountBook(Account template, Collection<Account> configured) {
        this.template = template;
        accounts.put(template.id(), template);
        for (Account a : configured) accounts.put(a.id(), a);
    }

    /** Synchronized: the engines of portfolios priced in parallel share the book, and it derives accounts. */
    public synchronized Account get(String id) {
        Account a = accounts.get(id);
        if (a != null) return a;
        Account derived = new Account(id, template.zone(), template.currency(), template.businessCountry(),
                template.authInternationalFrom(), template.authInternationalByMarket(), id);
        accounts.put(id, derived);
        return derived;
    }

    public synchronized Collection<Account> all() { return List.copyOf(accounts.values()); }
}
