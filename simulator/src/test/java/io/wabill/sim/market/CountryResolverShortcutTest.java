package io.wabill.sim.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shortcuts must name the same country as parsing the number with libphonenumber (G4). */
class CountryResolverShortcutTest {
    @Test
    void singleRegionShortcutAgreesWithParsingForEveryCallingCodeAndLength() {
        CountryResolver r = new CountryResolver();
        SplittableRandom rnd = new SplittableRandom(4);
        for (int cc = 1; cc <= 999; cc++) {
            String code = Integer.toString(cc);
            for (int nsn = 0; nsn + code.length() <= 15; nsn++) {
                for (int k = 0; k < 3; k++) {
                    StringBuilder b = new StringBuilder(code);
                    for (int i = 0; i < nsn; i++) b.append((char) ('0' + rnd.nextInt(10)));
                    String digits = b.toString();
                    assertEquals(r.resolveByParsing(digits), r.resolve(digits), digits);
                }
            }
        }
    }

    /**
     * +1 with ten digits, the first 2-9, is built without parsing: the number must be the one parse returns (so every
     * later step sees the same input), for every area code and exchange digit, valid or not.
     */
    @Test
    void plainNorthAmericanNumbersAreBuiltAsParsingBuildsThem() throws Exception {
        CountryResolver r = new CountryResolver();
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        SplittableRandom rnd = new SplittableRandom(1);
        for (int area = 200; area <= 999; area++) {
            for (int k = 0; k < 12; k++) {
                int exchangeDigit = k < 10 ? k : rnd.nextInt(10);
                String digits = "1" + area + exchangeDigit + String.format("%06d", rnd.nextInt(1_000_000));
                assertEquals(util.parse("+" + digits, null), CountryResolver.nanpNumber(digits), digits);
                assertEquals(r.resolveByParsing(digits), r.resolve(digits), digits);
            }
        }
        // what the shortcut leaves to parsing: national numbers starting 0 or 1, other lengths
        for (String digits : new String[] {"10123456789", "11234567890", "1415555123", "141555512345", "1"}) {
            assertEquals(false, CountryResolver.isPlainNanp(digits), digits);
        }
    }
}
