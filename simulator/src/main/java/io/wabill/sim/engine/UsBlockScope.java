package io.wabill.sim.engine;

/** Which recipients the marketing block of 2025-04-01 reaches (G8). */
public enum UsBlockScope {
    /** United States numbers only (the default). */
    US,
    /** United States and Canada. */
    US_CA,
    /** No block. */
    OFF
}
