package io.wabill.sim.engine;

/** How NBP volume bands price a month (A3). */
public enum BandMode {
    /** Each band's rate applies to the messages inside it (the default). */
    GRADUATED,
    /** Every message of the month is priced at the band the month's total reaches. */
    WHOLE_MONTH
}
