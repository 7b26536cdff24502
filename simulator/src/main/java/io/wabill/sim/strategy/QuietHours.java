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
        if (templatesOnly && !intent.isTemplate()) {
            out.send();
            return;
        }
        ZoneId zone = context.zoneOf(intent.logged().account());
        ZonedDateTime local = Instant.ofEpochMilli(now).atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean quiet = from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        if (!quiet) {
            out.send();
            return;
        }
        LocalDate day = t.isBefore(to) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        out.defer(ZonedDateTime.of(day, to, zone).toInstant().toEpochMilli(), false);
    }
}
