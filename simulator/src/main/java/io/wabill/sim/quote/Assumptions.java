package io.wabill.sim.quote;

import java.math.BigDecimal;

/**
 * What a quote cannot know without a log, stated. Each is a share (an exact decimal from 0 to 1) of the volume it
 * applies to, rounded to whole messages or conversations, half up:
 * <ul>
 * <li>{@code utilityInWindow}: utility templates delivered inside an open customer service window (free under PMP,
 * D3; charged anyway under PMP-26, E1);
 * <li>{@code serviceInFreeTier}: service messages inside the monthly free tier of 1,000 per business number (PMP-26,
 * E3; every service message is free under PMP, D2), and under CBP-2 before 2024-11-01 service conversations among
 * the account's first 1,000 of the month (C5);
 * <li>{@code inFreeEntryPoint}: messages delivered inside a free entry point window (PMP, PMP-26: D5, E5; free, not
 * counted toward the volume bands, not using the service free tier), or under CBP conversations that a free entry
 * point conversation replaces (B4, C7), of every category;
 * <li>{@code authInternational}: authentication sent to users in a market with an authentication-international rate
 * on the card, by a business based in another country and eligible there (X1, X2; C8 under CBP-2);
 * <li>{@code conversationsInFreeTier}: under CBP-1, conversations among the account's first 1,000 of the month (B3).
 * </ul>
 */
public record Assumptions(BigDecimal utilityInWindow, BigDecimal serviceInFreeTier, BigDecimal inFreeEntryPoint,
                          BigDecimal authInternational, BigDecimal conversationsInFreeTier) {
    public Assumptions {
        check("utility inside the window", utilityInWindow);
        check("service inside the free tier", serviceInFreeTier);
        check("messages inside a free entry point", inFreeEntryPoint);
        check("authentication to international numbers", authInternational);
        check("conversations inside the free tier", conversationsInFreeTier);
    }

    /** The per-message shares of PMP and PMP-26 only; nothing inside a free entry point, nothing international. */
    public Assumptions(BigDecimal utilityInWindow, BigDecimal serviceInFreeTier) {
        this(utilityInWindow, serviceInFreeTier, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Nothing free that the rules do not make free by themselves, nothing international: an upper bound. */
    public static Assumptions none() {
        return new Assumptions(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static void check(String what, BigDecimal share) {
        if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0)
            throw new IllegalArgumentException("the share of " + what + " must be from 0 to 1, was " + share);
    }
}
