package io.wabill.sim.strategy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Quiet hours: no business message between {@code from} and {@code to} in the account's local time (the span
 * may cross midnight); each one moves to the next {@code to}. With {@code templates-only=true}, replies inside
 * an open window still go at once.
 */
public final class QuietHours implements Strategy {
    private final LocalTime from;
    private final LocalTime to;
    private final boolean templatesOnly;

    public QuietHours(LocalTime from, LocalTime to, boolean templatesOnly) {
        if (from.equals(to)) throw new IllegalArgumentException("quiet-hours: from and to must differ, both were " + from);
        this.from = from;
        this.to = to;
        this.templatesOnly = templatesOnly;
    }

    static QuietHours of(StrategySpec s) {
        return new QuietHours(s.time("from", LocalTime.of(21, 0)), s.time("to", LocalTime.of(8, 0)),
                s.flag("templates-only", false));
    }

    @Override public String spec() { return "quiet-hours:from=" + from + ",to=" + to + ",templates-only=" + templatesOnly; }

    @Override public void decide(Intent intent, WindowView window, StrategyContext context, long now, Decision out) {
        long allowed = notBefore(intent, context, now);
        if (allowed == now) out.send();
        else out.defer(allowed, false);
    }

    /** The next {@code to} when {@code t} falls in the quiet hours (and the message is one they hold), else t. */
    @Override public long notBefore(Intent intent, StrategyContext context, long t) {
        if (templatesOnly && !intent.isTemplate()) return t;
        ZoneId zone = context.zoneOf(intent.logged().account());
        ZonedDateTime local = Instant.ofEpochMilli(t).atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
        if (!quiet) return t;
        LocalDate day = time.isBefore(to) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, to, zone).toInstant().toEpochMilli();
    }
}
