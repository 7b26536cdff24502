package io.wabill.sim.strategy;

import java.util.List;
import java.util.stream.Collectors;

/** Strategies applied in order to each message. */
public final class StrategyChain {
    private final List<Strategy> strategies;

    public StrategyChain(List<Strategy> strategies) {
        if (strategies.isEmpty()) throw new IllegalArgumentException("a chain needs a strategy");
        this.strategies = List.copyOf(strategies);
    }

    public static StrategyChain asLogged() { return new StrategyChain(List.of(new AsLogged())); }

    public List<Strategy> strategies() { return strategies; }

    public Strategy get(int i) { return strategies.get(i); }

    public int size() { return strategies.size(); }

    /** True when a strategy of the chain reads message ids ({@link Strategy#readsMessageIds}). */
    public boolean readsMessageIds() { return strategies.stream().anyMatch(Strategy::readsMessageIds); }

    /** True when every strategy of the chain leaves the message alone ({@link Strategy#leavesAlone}). */
    public boolean leavesAlone(io.wabill.sim.events.Message logged) {
        for (int i = 0; i < strategies.size(); i++) if (!strategies.get(i).leavesAlone(logged)) return false;
        return true;
    }

    public boolean isAsLogged() { return strategies.stream().allMatch(s -> s instanceof AsLogged); }

    /** The chain's text, e.g. {@code quiet-hours:from=21:00,…;conversation-first:…}. */
    public String spec() { return strategies.stream().map(Strategy::spec).collect(Collectors.joining(";")); }
}
