package io.wabill.sim.domain;

import java.time.LocalDate;
import java.util.Locale;

/** The five pricing regimes and their timeline in the account's local time (G1). */
public enum Regime {
    NBP("NBP", PricingModel.NBP, null),
    CBP1("CBP-1", PricingModel.CBP, LocalDate.of(2022, 2, 1)),
    CBP2("CBP-2", PricingModel.CBP, LocalDate.of(2023, 6, 1)),
    PMP("PMP", PricingModel.PMP, LocalDate.of(2025, 7, 1)),
    PMP26("PMP-26", PricingModel.PMP, LocalDate.of(2026, 10, 1));

    private final String label;
    private final PricingModel model;
    private final LocalDate firstDay;

    Regime(String label, PricingModel model, LocalDate firstDay) {
        this.label = label;
        this.model = model;
        this.firstDay = firstDay;
    }

    public String label() { return label; }

    public PricingModel model() { return model; }

    /** First local day of the regime; null for NBP, which has no start. */
    public LocalDate firstDay() { return firstDay; }

    public boolean isConversationBased() { return this == CBP1 || this == CBP2; }

    public boolean isPerMessage() { return this == PMP || this == PMP26; }

    /** values() copies its array on every call; the timeline is asked for every message. */
    private static final Regime[] ALL = values();

    /** The regime in force on a local date (G1). */
    public static Regime onLocalDate(LocalDate date) {
        Regime[] all = ALL;
        for (int i = all.length - 1; i > 0; i--) {
            if (!date.isBefore(all[i].firstDay)) return all[i];
        }
        return NBP;
    }

    /** Parses a label such as {@code PMP-26}, {@code pmp26} or {@code cbp-2}. */
    public static Regime parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace("_", "-");
        for (Regime r : values()) {
            if (r.label.equals(t) || r.name().equals(t) || r.label.replace("-", "").equals(t.replace("-", ""))) return r;
        }
        return null;
    }
}
