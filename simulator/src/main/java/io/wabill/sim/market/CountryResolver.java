package io.wabill.sim.market;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The recipient's country (ISO alpha-2) from a WhatsApp user identifier (G4): an E.164 number through
 * libphonenumber's numbering-plan metadata, or the ISO prefix of a business-scoped user id
 * ({@code CC.xxxx}).
 *
 * <p>A number that libphonenumber finds invalid for every region of its calling code still has a
 * country: on a shared code the area code (the first digits of the national number) picks the one
 * region whose plan can start that way; +7 follows G4 (6xx/7xx Kazakhstan, otherwise Russia); anything
 * still undecided takes the main country of the calling code. Results are cached in a fixed-size table
 * keyed by the number itself (a long), because metadata matching costs microseconds and logs repeat their
 * customers, while a string-keyed LRU cost more per lookup than the pricing.
 */
public final class CountryResolver {
    private static final int CACHE_BITS = 19;
    private final int cacheBits;
    /** The cache starts over when it is this full, so probes stay short and memory fixed (4 MB). */
    private final int cacheLimit;
    private int cachedCount;
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    /**
     * Open addressing from the key of {@link #numberKey} to the country: each entry is the key shifted left by
     * {@link #COUNTRY_BITS} with the country's index in {@link #countryList} below it (0: none), so a look-up reads one
     * long, one cache miss, not a key and then a reference. -1 marks a free entry. A key is below 2^54 (15 digits and
     * their count), so the entry stays non-negative.
     */
    private final long[] cached;
    private static final int COUNTRY_BITS = 9;
    private static final long COUNTRY_MASK = (1L << COUNTRY_BITS) - 1;
    /** The countries by index ({@link #countryIndex}); index 0 is no country (null). */
    private final java.util.List<String> countryList = new java.util.ArrayList<>(java.util.Collections.singletonList(null));
    private final Map<String, Integer> countryIndex = new java.util.HashMap<>();
    private final Map<String, Optional<String>> byAreaCode = new java.util.HashMap<>();

    public CountryResolver() { this(CACHE_BITS); }

    /**
     * A resolver whose cache holds about {@code numbers} numbers without starting over (a power of two from 2^10 to the
     * default 2^18): a caller that knows how many customers it will see (a forecast's generated traffic) keeps the
     * table small enough to stay in the processor's cache. Results do not depend on the size.
     */
    public static CountryResolver forNumbers(long numbers) {
        int bits = 11;
        while (bits < CACHE_BITS && (1L << (bits - 1)) < numbers) bits++;
        return new CountryResolver(bits);
    }

    private CountryResolver(int bits) {
        this.cacheBits = bits;
        this.cacheLimit = 1 << (bits - 1);
        this.cached = new long[1 << bits];
        java.util.Arrays.fill(cached, -1);
    }

    /** True when the identifier is a business-scoped user id such as {@code BR.7f3a9c21d0}. */
    public static boolean isScopedUserId(String customer) {
        return customer.length() > 3 && customer.charAt(2) == '.'
                && Character.isLetter(customer.charAt(0)) && Character.isLetter(customer.charAt(1));
    }

    /** Characters before the digits: a {@code +}, or the international prefix {@code 00} that means the same. */
    private static int prefixLength(String customer) {
        if (customer.startsWith("+")) return 1;
        return customer.length() > 2 && customer.startsWith("00") ? 2 : 0;
    }

    /** E.164 digits without the {@code +} (or {@code 00}), or null when the text is not a phone number. */
    public static String digitsOf(String customer) {
        String s = customer.substring(prefixLength(customer));
        if (s.isEmpty() || s.length() > 15) return null;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return null;
        return s;
    }

    /**
     * The E.164 digits of a customer (optional {@code +} or {@code 00}, 1 to 15 digits) as one non-negative long
     * that also encodes how many digits there were, so {@code 012} and {@code 12} differ; -1 when it is not a
     * number. {@code 00} is the international prefix, so {@code 0055…}, {@code +55…} and {@code 55…} are one key
     * (G4: one number, one market). Allocation-free, for the per-event lookups.
     */
    public static long numberKey(String customer) {
        int from = prefixLength(customer);
        int n = customer.length() - from;
        if (n < 1 || n > 15) return -1;
        long v = 0;
        for (int i = from; i < customer.length(); i++) {
            char c = customer.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return (v << 4) | n;
    }

    /** The ISO country, or null when the identifier is neither a number nor a scoped id. */
    public String countryOf(String customer) { return countryName(countryIndex(customer, numberKey(customer))); }

    /**
     * The customer's country as this resolver's index ({@link #countryName}; 0 for none), for a caller that has the
     * customer's {@link #numberKey} already: a number found in the cache is not read again (its characters may be far
     * away in memory; the key is at hand), and the caller can keep the small index instead of the name.
     */
    public int countryIndex(String customer, long key) {
        if (key < 0) return isScopedUserId(customer) ? indexOf(customer.substring(0, 2).toUpperCase(Locale.ROOT)) : 0;
        int mask = (1 << cacheBits) - 1;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - cacheBits));
        while (true) {
            long e = cached[slot];
            if (e == -1) break;
            if (e >>> COUNTRY_BITS == key) return (int) (e & COUNTRY_MASK);
            slot = (slot + 1) & mask;
        }
        int index = indexOf(resolve(digitsOf(customer)));
        if (index > COUNTRY_MASK) return index; // more countries than an entry can name: not cached (never seen)
        if (cachedCount == cacheLimit) {
            java.util.Arrays.fill(cached, -1);
            cachedCount = 0;
            slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - cacheBits));
        }
        cached[slot] = key << COUNTRY_BITS | index;
        cachedCount++;
        return index;
    }

    /** The ISO country of an index {@link #countryIndex} gave, or null for 0. */
    public String countryName(int index) { return countryList.get(index); }

    private int indexOf(String country) {
        if (country == null) return 0;
        Integer i = countryIndex.get(country);
        if (i == null) {
            i = countryList.size();
            countryList.add(country);
            countryIndex.put(country, i);
        }
        return i;
    }

    /** The calling code of an E.164 number's digits, or 0 when none matches. */
    public int callingCodeOf(String digits) {
        for (int len = 1; len <= 3 && len <= digits.length(); len++) {
            int cc = Integer.parseInt(digits.substring(0, len));
            if (!util.getRegionCodesForCountryCode(cc).isEmpty()) return cc;
        }
        return 0;
    }

    /**
     * A calling code that belongs to one region (+55 Brazil, +91 India…) names the country without parsing:
     * libphonenumber's {@code getRegionCodeForNumber} returns that region for any number that parses, and a
     * number parses once its national part has two digits. Shared codes (+1, +44, +7…) and non-geographic
     * ones are parsed. {@code CountryResolverShortcutTest} checks the shortcut against parsing.
     */
    String resolve(String digits) {
        if (isPlainNanp(digits)) return regionOf(nanpNumber(digits));
        int cc = 0;
        for (int len = 1; len <= 3 && len < digits.length(); len++) {
            cc = cc * 10 + (digits.charAt(len - 1) - '0');
            String region = singleRegion(cc);
            if (region == NO_REGION) continue;
            if (region != SHARED && digits.length() - len >= MIN_NATIONAL_DIGITS) return region;
            break;
        }
        return resolveByParsing(digits);
    }

    private static final String NO_REGION = new String("none"), SHARED = new String("shared");
    /** Per calling code: its one geographic region, SHARED (several, or non-geographic) or NO_REGION. */
    private final String[] regionOfCode = new String[1000];

    private String singleRegion(int cc) {
        String r = regionOfCode[cc];
        if (r == null) {
            List<String> regions = util.getRegionCodesForCountryCode(cc);
            r = regions.isEmpty() ? NO_REGION : regions.size() == 1 && !"001".equals(regions.get(0)) ? regions.get(0) : SHARED;
            regionOfCode[cc] = r;
        }
        return r;
    }

    /** Below this, libphonenumber refuses the national number as too short (its MIN_LENGTH_FOR_NSN). */
    private static final int MIN_NATIONAL_DIGITS = 2;

    String resolveByParsing(String digits) {
        PhoneNumber number;
        try {
            number = util.parse("+" + digits, null);
        } catch (NumberParseException e) {
            return null;
        }
        return regionOf(number);
    }

    /**
     * A North American number as E.164 writes every one: +1 and ten national digits, the first 2 to 9. For these,
     * libphonenumber's parse (about 13 us, five times its region look-up) returns calling code 1 and the ten digits as
     * they stand: the national prefix 1 cannot start them, no leading zero, a possible length. So the number is built
     * directly. {@code CountryResolverShortcutTest} checks that it equals the parsed number, area code by area code.
     */
    static boolean isPlainNanp(String digits) {
        return digits.length() == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '2';
    }

    static PhoneNumber nanpNumber(String digits) {
        return new PhoneNumber().setCountryCode(1).setNationalNumber(Long.parseLong(digits, 1, 11, 10));
    }

    /** The country of a parsed number; the rules for a number valid in no region are in the class comment. */
    private String regionOf(PhoneNumber number) {
        String region = util.getRegionCodeForNumber(number);
        if (region != null && !"001".equals(region)) return region;
        int cc = number.getCountryCode();
        String national = util.getNationalSignificantNumber(number);
        if (cc == 7) return national.startsWith("6") || national.startsWith("7") ? "KZ" : "RU";
        List<String> regions = util.getRegionCodesForCountryCode(cc);
        if (regions.size() > 1 && national.length() >= 3) {
            // The probe depends only on the code and the area code, and costs many validations: kept per pair.
            String byPrefix = byAreaCode.computeIfAbsent(cc + ":" + national.substring(0, 3),
                    k -> Optional.ofNullable(uniqueRegionStartingWith(regions, national.substring(0, 3)))).orElse(null);
            if (byPrefix != null) return byPrefix;
        }
        String main = util.getRegionCodeForCountryCode(cc);
        return "ZZ".equals(main) || "001".equals(main) ? null : main;
    }

    /**
     * The one region where the area code {@code prefix} is in use: the region's example numbers with their
     * first digits replaced by the prefix are valid there. Null when none or several regions qualify.
     */
    private String uniqueRegionStartingWith(List<String> regions, String prefix) {
        String found = null;
        for (String r : regions) {
            if (usesPrefix(r, prefix)) {
                if (found != null) return null;
                found = r;
            }
        }
        return found;
    }

    private boolean usesPrefix(String region, String prefix) {
        for (PhoneNumberUtil.PhoneNumberType type : PROBE_TYPES) {
            PhoneNumber example = util.getExampleNumberForType(region, type);
            if (example == null) continue;
            String national = util.getNationalSignificantNumber(example);
            if (national.length() <= prefix.length()) continue;
            PhoneNumber probe = new PhoneNumber().setCountryCode(example.getCountryCode())
                    .setNationalNumber(Long.parseLong(prefix + national.substring(prefix.length())));
            if (util.isValidNumberForRegion(probe, region)) return true;
        }
        return false;
    }

    private static final PhoneNumberUtil.PhoneNumberType[] PROBE_TYPES = {
        PhoneNumberUtil.PhoneNumberType.FIXED_LINE, PhoneNumberUtil.PhoneNumberType.MOBILE
    };
}
