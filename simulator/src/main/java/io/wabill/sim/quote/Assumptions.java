package io.wabill.sim.quote;

import java.math.BigDecimal;

/**
 * What a quote cannot know without a log, stated: the share of utility templates delivered inside an open customer
 * service window (free under PMP, D3; charged anyway under PMP-26, E1) and the share of service messages inside
 * the monthly free tier (free under PMP-26, E3; every service message is free under PMP, D2). Shares are exact
 * decimals from 0 to 1; a share of a volume is rounded to whole messages, half up.
 */
public record Assumptions(BigDecimal utilityInWindow, BigDecimal serviceInFreeTier) {
    public Assumptions {
        check("utility inside the window", utilityInWindow);
        check("service inside the free tier", serviceInFreeTier);
    }

    /** Nothing free that the rules do not make free by themselves: an upper bound. */
    public static Assumptions none() { return new Assumptions(BigDecimal.ZERO, BigDecimal.ZERO); }

    private static void check(String what, BigDecimal share) {
        if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0)
            throw new IllegalArgumentException("the share of " + what + " must be from 0 to 1, was " + share);
    }
}
