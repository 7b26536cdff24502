package io.wabill.report;

import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The account-local day of an instant, as the engine counts days (G1: switches, cards and months follow the
 * account's local midnight). Each account keeps its current day's bounds, and the last account asked for is kept
 * (the tables of one line ask for the same account in turn), so most lines cost an identity check and two
 * comparisons.
 */
public final class LocalDays {
    private final AccountBook accounts;
    private final Map<String, Clock> clocks = new HashMap<>();

    public LocalDays(AccountBook accounts) { this.accounts = accounts; }

    public LocalDate day(String account, long millis) { return clock(account).at(millis).day; }

    /** {@link #day} as epoch days ({@link LocalDate#toEpochDay}), for a table keyed by days. */
    public long epochDay(String account, long millis) { return clock(account).at(millis).epochDay; }

    public Account account(String id) { return clock(id).account; }

    public ZoneId zone(String account) { return clock(account).account.zone(); }

    /** The instant local midnight of {@code day} starts in the account's zone. */
    public Instant startOf(String account, LocalDate day) { return day.atStartOfDay(zone(account)).toInstant(); }

    private String lastAccount;
    private Clock lastClock;

    private Clock clock(String account) {
        if (account == lastAccount && account != null) return lastClock;
        Clock c = clocks.get(account);
        if (c == null) {
            c = new Clock(accounts.get(account));
            clocks.put(account, c);
        }
        lastAccount = account;
        lastClock = c;
        return c;
    }

    private static final class Clock {
        final Account account;
        long start = Long.MAX_VALUE, end = Long.MIN_VALUE;
        LocalDate day;
        long epochDay;

        Clock(Account account) { this.account = account; }

        Clock at(long millis) {
            if (millis >= start && millis < end) return this;
            day = Instant.ofEpochMilli(millis).atZone(account.zone()).toLocalDate();
            epochDay = day.toEpochDay();
            start = day.atStartOfDay(account.zone()).toInstant().toEpochMilli();
            end = day.plusDays(1).atStartOfDay(account.zone()).toInstant().toEpochMilli();
            return this;
        }
    }
}
