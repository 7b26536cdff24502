package io.wabill.data.traffic;

import java.util.SplittableRandom;

/** The few distributions the generator draws from, written for SplittableRandom so every draw is reproducible. */
public final class RandomDraws {
    private static final double[] LOG_FACTORIAL = new double[256];

    static {
        for (int k = 1; k < LOG_FACTORIAL.length; k++) LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
    }

    private RandomDraws() {}

    /** A deterministic 64-bit mix (the SplitMix64 finalizer), to derive independent seeds from indexes. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The stream of one (seed, market, local day, process): independent of the order anything is generated in. */
    static SplittableRandom stream(long seed, int market, long epochDay, int process) {
        long h = mix(seed);
        h = mix(h ^ (market * 0x9E3779B97F4A7C15L));
        h = mix(h ^ (epochDay * 0xC2B2AE3D27D4EB4FL));
        h = mix(h ^ (process * 0x165667B19E3779F9L));
        return new SplittableRandom(h);
    }

    /** Exponential with the given mean. */
    static double exponential(SplittableRandom r, double mean) {
        return mean <= 0 ? 0 : -mean * Math.log(1.0 - r.nextDouble());
    }

    /** Poisson: multiplication of uniforms for small means, Hoermann's PTRS (exact, O(1)) for large ones. */
    static long poisson(SplittableRandom r, double mean) {
        if (mean <= 0) return 0;
        if (mean < 30) {
            double limit = Math.exp(-mean), p = 1;
            long k = -1;
            do {
                k++;
                p *= r.nextDouble();
            } while (p > limit);
            return k;
        }
        double slam = Math.sqrt(mean), loglam = Math.log(mean);
        double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = r.nextDouble() - 0.5, v = r.nextDouble(), us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) return k;
        }
    }

    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) return LOG_FACTORIAL[(int) k];
        double x = k + 1.0;
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }

    /** How many indexes to skip to the next success of independent trials with probability p (0 < p < 1). */
    static long geometricSkip(SplittableRandom r, double logOneMinusP) {
        return (long) Math.floor(Math.log(1.0 - r.nextDouble()) / logOneMinusP);
    }
}
