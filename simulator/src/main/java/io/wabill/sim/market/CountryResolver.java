package io.wabill.sim.market;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The recipient's country (ISO alpha-2) from a WhatsApp user identifier (G4): an E.164 number through
 * libphonenumber's numbering-plan metadata, or the ISO prefix of a business-scoped user id
 * ({@code CC.xxxx}).
 *
 * <p>A number that libphonenumber finds invalid for every region of its calling code still has a
 * country: on a shared code the area code (the first digits of the national number) picks the one
 * region whose plan can start that way; +7 follows G4 (6xx/7xx Kazakhstan, otherwise Russia); anything
 * still undecided takes the main country of the calling code. Results are cached in a bounded LRU,
 * because metadata matching costs microseconds and logs repeat their customers.
 */
public final class CountryResolver {
    private static final int CACHE_SIZE = 200_000;
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final Map<String, String> cache = new LinkedHashMap<>(1 << 16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, String> eldest) { return size() > CACHE_SIZE; }
    };

    /** True when the identifier is a business-scoped user id such as {@code BR.7f3a9c21d0}. */
    public static boolean isScopedUserId(String customer) {
        return customer.length() > 3 && customer.charAt(2) == '.'
                && Character.isLetter(customer.charAt(0)) && Character.isLetter(customer.charAt(1));
    }

    /** E.164 digits without the plus sign, or null when the text is not a phone number. */
    public static String digitsOf(String customer) {
        String s = customer.startsWith("+") ? customer.substring(1) : customer;
        if (s.isEmpty() || s.length() > 15) return null;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return null;
        return s;
    }

    /** The ISO country, or null when the identifier is neither a number nor a scoped id. */
    public String countryOf(String customer) {
        if (isScopedUserId(customer)) return customer.substring(0, 2).toUpperCase(Locale.ROOT);
        String digits = digitsOf(customer);
        if (digits == null) return null;
        String cached = cache.get(digits);
        if (cached != null) return cached;
        String country = resolve(digits);
        cache.put(digits, country);
        return country;
    }

    /** The calling code of an E.164 number's digits, or 0 when none matches. */
    public int callingCodeOf(String digits) {
        for (int len = 1; len <= 3 && len <= digits.length(); len++) {
            int cc = Integer.parseInt(digits.substring(0, len));
            if (!util.getRegionCodesForCountryCode(cc).isEmpty()) return cc;
        }
        return 0;
    }

    private String resolve(String digits) {
        PhoneNumber number;
        try {
            number = util.parse("+" + digits, null);
        } catch (NumberParseException e) {
            return null;
        }
        String region = util.getRegionCodeForNumber(number);
        if (region != null && !"001".equals(region)) return region;
        int cc = number.getCountryCode();
        String national = util.getNationalSignificantNumber(number);
        if (cc == 7) return national.startsWith("6") || national.startsWith("7") ? "KZ" : "RU";
        List<String> regions = util.getRegionCodesForCountryCode(cc);
        if (regions.size() > 1 && national.length() >= 3) {
            String byPrefix = uniqueRegionStartingWith(regions, national.substring(0, 3));
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
