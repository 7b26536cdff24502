package io.wabill.sim.engine;

/** What the PMP-26 service free tier of 1,000 messages a month is counted per (E3). */
public enum ServiceTierScope { NUMBER, ACCOUNT }
