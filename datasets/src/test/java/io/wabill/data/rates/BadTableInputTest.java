package io.wabill.data.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.accounts.AccountsException;
import io.wabill.data.accounts.AccountsReader;
import io.wabill.data.log.RowError;
import io.wabill.sim.rates.CardProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed or oversized small tables (a normalized card, markets.csv, coverage.csv, accounts.csv, Meta's files)
 * are problems with file and line, reported like every other card problem, never a crash.
 */
class BadTableInputTest {
    @TempDir Path dir;

    private static final String CARD = "market,currency,category,tier_from,tier_to,rate\n"
            + "Brazil,USD,marketing,1,,0.0625\n";

    private Path folder(String cardText) throws IOException {
        Files.writeString(dir.resolve("meta-rates-USD-2026-10-01.csv"), cardText);
        return dir;
    }

    private List<CardProblem> problems(Path path) {
        return assertThrows(CatalogLoadException.class, () -> CatalogLoader.load(path)).problems();
    }

    @Test
    void anUnbalancedQuoteInANormalizedCardIsAProblemWithItsLine() throws IOException {
        List<CardProblem> p = problems(folder(CARD + "Brazil,USD,utility,1,,\"0.0068\n"));
        assertEquals(1, p.size(), p.toString());
        assertEquals(3, p.get(0).line());
        assertTrue(p.get(0).message().contains("never closed"), p.toString());
    }

    @Test
    void anUnbalancedQuoteInTheMarketMapIsOneProblemNotAnEchoPerCardRow() throws IOException {
        folder(CARD);
        Files.writeString(dir.resolve("markets.csv"), "market,country_name,iso2,calling_code,valid_from,valid_to\n"
                + "Brazil,Brazil,BR,55,,\nOther,\"Nowhere,XX,999,,\n");
        List<CardProblem> p = problems(dir);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).file().endsWith("markets.csv"), p.toString());
        assertEquals(3, p.get(0).line());
    }

    @Test
    void anUnbalancedQuoteInCoverageIsAProblemWithItsLine() throws IOException {
        folder(CARD);
        Files.writeString(dir.resolve("coverage.csv"), "currency,from,to,status,note\nUSD,2026-10-01,,complete,\"open\n");
        List<CardProblem> p = problems(dir);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).file().endsWith("coverage.csv"), p.toString());
        assertEquals(2, p.get(0).line());
    }

    @Test
    void aRateAboveWhatTheModelHoldsIsAProblemNamingTheRow() throws IOException {
        List<CardProblem> p = problems(folder(CARD + "Brazil,USD,utility,1,,90000000000\n"));
        assertEquals(1, p.size(), p.toString());
        assertEquals(3, p.get(0).line());
        assertEquals("rate", p.get(0).column());
        assertTrue(p.get(0).message().contains("more than the model holds"), p.toString());
    }

    @Test
    void aHugeCellInACardIsAProblemNotAnOutOfMemoryError() throws IOException {
        List<CardProblem> p = problems(folder(CARD + "Brazil,USD,utility,1,," + "9".repeat(200_000) + "\n"));
        assertTrue(p.get(0).message().contains("a cell longer than 100000 characters"), p.toString());
    }

    @Test
    void anUnbalancedQuoteInMetasOwnFileIsAProblem() throws IOException {
        Files.writeString(dir.resolve("rates.csv"), "\"Cost per message in USD on the WhatsApp Business Platform, effective October 1, 2026\"\n"
                + "Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service\n"
                + "Brazil,USD,\"0.0625,0.0068,0.0068,n/a,0\n");
        List<CardProblem> p = problems(dir);
        assertTrue(p.stream().anyMatch(x -> x.line() == 3 && x.message().contains("never closed")), p.toString());
    }

    @Test
    void aDuplicatedHeaderColumnIsAProblem() throws IOException {
        List<CardProblem> p = problems(folder("market,currency,category,tier_from,tier_to,rate,rate\nBrazil,USD,marketing,1,,0.06,0.07\n"));
        assertTrue(p.get(0).message().contains("twice"), p.toString());
    }

    @Test
    void anUnbalancedQuoteInAccountsIsAnAccountsProblemWithItsLine() throws IOException {
        Path f = dir.resolve("accounts.csv");
        Files.writeString(f, "account,time_zone\na1,UTC\na2,\"America/Sao_Paulo\n");
        List<RowError> p = assertThrows(AccountsException.class, () -> AccountsReader.read(f)).problems();
        assertEquals(1, p.size());
        assertEquals(3, p.get(0).line());
        assertEquals(f.toString(), p.get(0).file());
    }

    @Test
    void theBundledTablesStillRead() throws Exception {
        assertTrue(CatalogLoader.bundled().rates() != null);
        try (InputStream in = CatalogLoader.resource(CatalogLoader.MARKETS)) {
            assertTrue(CsvFiles.read(in, "markets.csv").rows().size() > 100);
        }
    }
}
