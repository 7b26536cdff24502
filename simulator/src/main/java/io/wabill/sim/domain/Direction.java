package io.wabill.sim.domain;

/** Who sent a row: the user (inbound) or the business (outbound). */
public enum Direction {
    INBOUND, OUTBOUND;

    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Direction parse(String text) {
        for (Direction d : values()) if (d.code().equalsIgnoreCase(text)) return d;
        return null;
    }
}
