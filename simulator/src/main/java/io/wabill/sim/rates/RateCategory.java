package io.wabill.sim.rates;

import java.util.Locale;

/** The categories a rate card prices (FORMATS.md section 3). */
public enum RateCategory {
    MARKETING, UTILITY, AUTHENTICATION, AUTHENTICATION_INTERNATIONAL, SERVICE,
    USER_INITIATED, BUSINESS_INITIATED, NOTIFICATION;

    public String code() { return name().toLowerCase(Locale.ROOT); }

    public static RateCategory parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (RateCategory c : values()) if (c.code().equals(t)) return c;
        return null;
    }
}
