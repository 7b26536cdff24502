package io.wabill.sim.rates;

import java.util.Locale;

/** What a catalog knows about a period of one currency (G2a). */
public enum CoverageStatus {
    COMPLETE, LIST_ONLY, MISSING;

    public String code() { return name().toLowerCase(Locale.ROOT); }

    public static CoverageStatus parse(String text) {
        for (CoverageStatus s : values()) if (s.code().equalsIgnoreCase(text.trim())) return s;
        return null;
    }
}
