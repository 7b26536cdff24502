package io.wabill.data.traffic;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fit counted in one market, day by day (local days of the market's time zone): the raw evidence behind
 * each fitted rate and share. {@link ParameterDraws} resamples these days (whole weeks at a time) to draw each
 * parameter from its sampling distribution, and fits the trend of the daily volume to estimate growth.
 * A few counters a day, so memory is the log's days, not its rows.
 */
public final class DailyTallies {
    /** The counters kept per day; each fitted parameter is a ratio of two of them (see {@link ParameterDraws}). */
    public enum Tally {
        /** sessions the customer started (not replies to a template) */ OWN_SESSIONS,
        /** of those, started from a click-to-WhatsApp ad */ CTWA,
        /** every session start, replies included */ SESSIONS,
        /** inbound messages and calls */ INBOUND,
        /** free-form and agent replies inside a session */ BUSINESS_REPLIES,
        /** utility events (a first template after 48 h) */ UTILITY_EVENTS,
        /** utility templates */ UTILITY_TEMPLATES,
        /** one-time-password requests (a first code after 10 minutes) */ AUTH_REQUESTS,
        /** codes sent again within 10 minutes */ AUTH_RETRIES,
        /** marketing campaigns, counted on their first day */ CAMPAIGNS,
        /** marketing sends of those campaigns */ RECIPIENTS,
        /** delivered templates per category, and the customer replies to them */ MARKETING_DELIVERED, MARKETING_REPLIES,
        UTILITY_DELIVERED, UTILITY_REPLIES, AUTH_DELIVERED, AUTH_REPLIES,
        /** outbound messages, and those that failed */ OUTBOUND, FAILED
    }

    private static final int N = Tally.values().length;
    private final TreeMap<Long, double[]> days = new TreeMap<>();
    private final long[] campaignHours = new long[24];

    /** Adds one to a counter of a local day. */
    public void add(long epochDay, Tally tally) { add(epochDay, tally, 1); }

    public void add(long epochDay, Tally tally, double amount) {
        days.computeIfAbsent(epochDay, d -> new double[N])[tally.ordinal()] += amount;
    }

    /** Makes sure every day from {@code first} to {@code last} exists (a quiet day counts as a day of zeros). */
    public void cover(LocalDate first, LocalDate last) {
        for (long d = first.toEpochDay(); d <= last.toEpochDay(); d++) days.computeIfAbsent(d, k -> new double[N]);
    }

    /** The days in order, each a copy of its counters indexed by {@link Tally#ordinal()}. */
    public Map<Long, double[]> days() {
        TreeMap<Long, double[]> copy = new TreeMap<>();
        for (Map.Entry<Long, double[]> e : days.entrySet()) copy.put(e.getKey(), Arrays.copyOf(e.getValue(), N));
        return copy;
    }

    public boolean isEmpty() { return days.isEmpty(); }

    /** Campaigns by the local hour they started: the empirical distribution a run draws its send hour from. */
    public long[] campaignHours() { return campaignHours; }
}
