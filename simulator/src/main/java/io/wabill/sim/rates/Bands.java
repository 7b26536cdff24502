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

    /** Index of the band holding message number {@code n} (n >= 1). */
    public int indexOf(long n) {
        for (int i = 0; i < upper.length; i++) if (n <= upper[i]) return i;
        return upper.length - 1;
    }

    public Band band(int index) { return bands[index]; }

    public long unitsAt(int index) { return units[index]; }

    public Band first() { return bands[0]; }

    public int size() { return bands.length; }

    public boolean isTiered() { return bands.length > 1; }

    public List<Band> asList() { return List.of(bands); }
}
