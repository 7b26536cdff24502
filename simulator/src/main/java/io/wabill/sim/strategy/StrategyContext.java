package io.wabill.sim.strategy;

import java.time.ZoneId;

/** What a strategy may know beyond the pair's windows: the account's local time. */
public interface StrategyContext {
    ZoneId zoneOf(String account);
}
