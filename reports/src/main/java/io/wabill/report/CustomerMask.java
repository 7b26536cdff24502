package io.wabill.report;

import io.wabill.sim.market.CountryResolver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Masks customer numbers for sharing: the country calling code stays (so markets remain checkable), the rest
 * becomes the first 12 hex digits of a salted SHA-256, the same for the same number in every file of a run.
 * {@code 5511987600001} becomes {@code 55-3f0c…}; a business-scoped id {@code BR.7f3a…} keeps {@code BR.}.
 */
public final class CustomerMask {
    private final byte[] salt;
    private final CountryResolver countries;
    private final MessageDigest sha;
    /** Masks already worked out (a SHA-256 each), kept up to {@link #MASKS_LIMIT} customers, then started over. */
    private final Map<String, String> masks = new HashMap<>();
    private static final int MASKS_LIMIT = 1 << 16;

    public CustomerMask(String salt, CountryResolver countries) {
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
        this.countries = countries;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The customer's mask, worked out once per customer while it is kept (a run's customers repeat on many lines). */
    public String mask(String customer) {
        if (customer == null) return masked(null);
        String m = masks.get(customer);
        if (m == null) {
            if (masks.size() >= MASKS_LIMIT) masks.clear();
            m = masked(customer);
            masks.put(customer, m);
        }
        return m;
    }

    private String masked(String customer) {
        if (CountryResolver.isScopedUserId(customer)) return customer.substring(0, 3) + hash(customer.substring(3));
        String digits = CountryResolver.digitsOf(customer);
        if (digits == null) return hash(customer);
        int cc = countries.callingCodeOf(digits);
        String prefix = cc == 0 ? "" : Integer.toString(cc);
        return prefix + "-" + hash(digits.substring(prefix.length()));
    }

    private String hash(String rest) {
        sha.reset();
        sha.update(salt);
        byte[] d = sha.digest(rest.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 6);
    }
}
