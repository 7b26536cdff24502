package io.wabill.data.traffic;

/**
 * Customer {@code i} of a market gets a fixed phone number: the market's prefix, then the free digits of
 * {@code (i * A + B) mod 10^k}. A is odd and not a multiple of 5, so the map is a bijection on
 * {@code [0, 10^k)}: numbers are unique, look scattered, and the same customer index always has the same
 * number, in every run and every thread.
 */
final class CustomerNumbers {
    private final byte[] prefix;
    private final int free;
    private final long modulus;
    private final long multiplier;
    private final long offset;

    CustomerNumbers(String prefix, int length, int salt) {
        this.prefix = prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.free = length - prefix.length();
        long m = 1;
        for (int i = 0; i < free; i++) m *= 10;
        this.modulus = m;
        long a = (0x9E3779B97F4A7C15L >>> 20) % m;
        while (a % 2 == 0 || a % 5 == 0 || a == 0) a = (a + 1) % m;
        this.multiplier = a;
        this.offset = Math.floorMod(0x632BE59BD9B4E019L * (salt + 1), m);
    }

    /** How many distinct numbers a prefix and length allow. */
    static long capacity(String prefix, int length) {
        long m = 1;
        for (int i = 0; i < length - prefix.length(); i++) m *= 10;
        return m;
    }

    /** The free digits of customer {@code index}, as a number below 10^free. */
    long suffix(long index) {
        return (mulMod(index % modulus, multiplier, modulus) + offset) % modulus;
    }

    private static long mulMod(long a, long b, long m) {
        return Math.floorMod(Math.multiplyHigh(a, b) == 0 && a * b >= 0 ? a * b : java.math.BigInteger.valueOf(a)
                .multiply(java.math.BigInteger.valueOf(b)).mod(java.math.BigInteger.valueOf(m)).longValue(), m);
    }

    /** Writes the number's digits (no plus sign) into {@code out} at {@code pos}; returns the new position. */
    int write(long index, byte[] out, int pos) {
        System.arraycopy(prefix, 0, out, pos, prefix.length);
        pos += prefix.length;
        long s = suffix(index);
        for (int i = pos + free - 1; i >= pos; i--) {
            out[i] = (byte) ('0' + (s % 10));
            s /= 10;
        }
        return pos + free;
    }

    String number(long index) {
        byte[] b = new byte[prefix.length + free];
        write(index, b, 0);
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }

    int length() { return prefix.length + free; }
}
