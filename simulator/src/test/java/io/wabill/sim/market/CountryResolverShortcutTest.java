package io.wabill.sim.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The single-region shortcut must name the same country as parsing the number with libphonenumber (G4). */
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
}
