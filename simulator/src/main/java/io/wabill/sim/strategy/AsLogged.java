package io.wabill.sim.strategy;

/** The baseline: every message goes out as the log has it, when the log has it. */
public final class AsLogged implements Strategy {
    @Override public String spec() { return "as-logged"; }

    @Override public void decide(Intent intent, WindowView window, StrategyContext context, long now, Decision out) {
        out.send();
    }

    @Override public boolean leavesAlone(io.wabill.sim.events.Message logged) { return true; }
}
