package io.wabill.sim.domain;

/** Who sent a row: the user (inbound) or the business (outbound). */
public enum Direction {
    INBOUND, OUTBOUND;

    /** Computed once: codes are read for every row of a log and every line of a ledger. */
    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    public String code() { return code; }

    public static Direction parse(String text) {
        for (Direction d : values()) if (d.code().equalsIgnoreCase(text)) return d;
        return null;
    }
}
