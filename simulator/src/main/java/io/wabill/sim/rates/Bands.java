package io.wabill.sim.rates;

import io.wabill.sim.money.Money;
import java.util.List;

/**
 * The bands of one (market, category) on one card, contiguous from 1 with the last one open.
 * Lookups are a scan over a handful of primitive bounds, so pricing allocates nothing.
 */
public final class Bands {
    private final Band[] bands;
    private final long[] upper;
    private final long[] units;

    public Bands(List<Band> sorted) {
        if (sorted.isEmpty()) throw new IllegalArgumentException("a rate needs at least one band");
        this.bands = sorted.toArray(new Band[0]);
        this.upper = new long[bands.length];
        this.units = new long[bands.length];
        for (int i = 0; i < bands.length; i++) {
            upper[i] = bands[i].to();
            units[i] = Money.toUnits(bands[i].rate());
        }
    }

    /**
     * Index of the band holding message number {@code n} (n >= 1): the number of bands that end below it. Counted
     * without a branch on purpose: with a scan that stops at the first band, a month's first message in a new tier
     * takes a path the compiled pricing loop has never seen, and the JIT throws that loop's code away and compiles it
     * again (BENCHMARKS.md, issue 14, fifth session).
     */
    public int indexOf(long n) {
        int below = 0;
        for (long u : upper) below += (int) ((u - n) >>> 63); // 1 when u < n; no overflow, both are >= 1
        return Math.min(below, upper.length - 1);
    }

    public Band band(int index) { return bands[index]; }

    public long unitsAt(int index) { return units[index]; }

    public Band first() { return bands[0]; }

    public int size() { return bands.length; }

    public boolean isTiered() { return bands.length > 1; }

    public List<Band> asList() { return List.of(bands); }
}
