package io.wabill.sim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.engine.BandMode;
import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.testing.TestWorld;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The library's front door: a config, sessions over a whole log or a portfolio, immutable entries, accounting. */
class PricingSessionTest {
    static final Catalog CATALOG = new Catalog(TestWorld.catalog(), TestWorld.markets().map());
    static final AccountBook BOOK = new AccountBook(Account.defaults("default"), List.of(
            new Account("a1", ZoneId.of("UTC"), "USD", null, null, Map.of(), "p1"),
            new Account("a2", ZoneId.of("UTC"), "USD", null, null, Map.of(), "p2"),
            new Account("a3", ZoneId.of("UTC"), "USD", null, null, Map.of(), "p1"),
            new Account("inr", ZoneId.of("UTC"), "INR", null, null, Map.of(), "inr")));
    static final PricingConfig CONFIG = PricingConfig.builder().catalog(CATALOG).accounts(BOOK).build();

    private long line;

    /** A CBP-2 era log (July 2023) of three accounts in two portfolios, interleaved in time. */
    private List<LogRow> cbpLog() {
        List<LogRow> rows = new ArrayList<>();
        String[] accounts = {"a1", "a2", "a3"};
        for (int day = 1; day <= 3; day++) {
            for (int i = 0; i < accounts.length; i++) {
                String a = accounts[i];
                String business = "1555000111" + i;
                String customer = "55119876000" + (10 + i);
                String t = "2023-07-0" + day + "T1" + i + ":00:00Z";
                rows.add(out(t, a, business, customer, "m-" + a + "-" + day, TemplateCategory.MARKETING));
                rows.add(in("2023-07-0" + day + "T1" + i + ":30:00Z", a, business, customer));
                rows.add(out("2023-07-0" + day + "T1" + i + ":40:00Z", a, business, customer, "u-" + a + "-" + day, TemplateCategory.UTILITY));
            }
        }
        return rows;
    }

    private LogRow out(String iso, String account, String business, String customer, String id, TemplateCategory c) {
        long t = Instant.parse(iso).toEpochMilli();
        return new LogRow("log.csv", 0, ++line, t, id, account, null, business, customer, Direction.OUTBOUND,
                MessageKind.TEMPLATE, c, EntryPoint.NONE, DeliveryStatus.DELIVERED, t, null, -1);
    }

    private LogRow in(String iso, String account, String business, String customer) {
        return new LogRow("log.csv", 0, ++line, Instant.parse(iso).toEpochMilli(), null, account, null, business, customer,
                Direction.INBOUND, MessageKind.MESSAGE, null, EntryPoint.NONE, null, LogRow.NONE, null, -1);
    }

    private static List<LedgerEntry> price(List<LogRow> rows, SessionOptions o) {
        List<LedgerEntry> entries = new ArrayList<>();
        PricingSession s = CONFIG.newSession(entries::add, o);
        // each row of the part with its position in the whole log, the others' timestamps only: the partition contract
        for (int i = 0; i < rows.size(); i++) {
            LogRow r = rows.get(i);
            if (o.partition().owns(BOOK.get(r.account()).portfolio())) s.accept(r, i);
            else s.advanceTo(r.timestamp());
        }
        RowAccounting a = s.finish();
        assertTrue(a.balanced(), a.toString());
        assertEquals(entries.size(), a.ledgerRows());
        return entries;
    }

    @Test void entriesAreKeptAndImmutableAndTheAccountingBalances() {
        List<LogRow> rows = cbpLog();
        List<LedgerEntry> entries = new ArrayList<>();
        PricingSession s = CONFIG.newSession(entries::add);
        rows.forEach(s::accept);
        RowAccounting a = s.finish();
        assertEquals(new RowAccounting(rows.size(), rows.size(), 0, 0), a);
        // kept entries are distinct objects with their own values (the engine reuses one line internally)
        assertEquals(entries.size(), entries.stream().map(System::identityHashCode).distinct().count());
        assertEquals(rows.size(), entries.stream().map(e -> e.message().line()).distinct().count());
        BigDecimal total = entries.stream().map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(total.signum() > 0, "the marketing conversations cost something");
        assertThrows(IllegalStateException.class, () -> s.accept(rows.get(0)), "a finished session takes no rows");
    }

    @Test void aPortfolioPricedAloneGetsTheEntriesAndConversationIdsItGetsInTheWholeLog() {
        List<LogRow> rows = cbpLog();
        List<LedgerEntry> whole = price(rows, SessionOptions.defaults());
        for (String p : List.of("p1", "p2")) {
            List<LedgerEntry> alone = price(rows, SessionOptions.defaults().withPortfolio(p));
            List<LedgerEntry> ofWhole = whole.stream().filter(e -> BOOK.get(e.account()).portfolio().equals(p)).toList();
            assertEquals(ofWhole, alone, p);
        }
        assertTrue(whole.stream().anyMatch(e -> e.conversationId() != 0), "the log opens CBP conversations");
        // numbered per account: each account's first conversation is conv-1
        for (String a : List.of("a1", "a2", "a3"))
            assertEquals(1, whole.stream().filter(e -> e.account().equals(a) && e.conversationId() != 0)
                    .mapToLong(LedgerEntry::conversationId).min().orElseThrow(), a);
    }

    @Test void aSessionOfAPortfolioRefusesRowsOfAnother() {
        List<LogRow> rows = cbpLog();
        PricingSession s = CONFIG.newSession(e -> { }, SessionOptions.defaults().withPortfolio("p2"));
        LogRow ofP1 = rows.stream().filter(r -> r.account().equals("a1")).findFirst().orElseThrow();
        PartitionException e = assertThrows(PartitionException.class, () -> s.accept(ofP1));
        assertTrue(e.getMessage().contains("portfolio p1"), e.getMessage());
    }

    @Test void anAccountInTwoPortfoliosBreaksThePartitionContract() {
        PricingSession s = CONFIG.newSession(e -> { }, SessionOptions.defaults().withPartition(Partition.portfolios(java.util.Set.of("p1", "x"))));
        s.accept(in("2023-07-01T10:00:00Z", "a1", "15550001110", "5511987600010"));
        LogRow moved = new LogRow("log.csv", 0, ++line, Instant.parse("2023-07-01T11:00:00Z").toEpochMilli(), null, "a1", "x",
                "15550001110", "5511987600010", Direction.INBOUND, MessageKind.MESSAGE, null, EntryPoint.NONE, null, LogRow.NONE, null, -1);
        assertThrows(PartitionException.class, () -> s.accept(moved));
    }

    @Test void aProblemStopsTheSessionUnlessTheHandlerSkipsIt() {
        // an agent message of an INR account after 2026-08-01 with no INR token rate (E6)
        LogRow agent = new LogRow("log.csv", 0, 7, Instant.parse("2026-09-01T10:00:00Z").toEpochMilli(), "ag1", "inr", null,
                "15550009999", "5511987600001", Direction.OUTBOUND, MessageKind.AGENT, null, EntryPoint.NONE,
                DeliveryStatus.DELIVERED, Instant.parse("2026-09-01T10:00:00Z").toEpochMilli(), null, 1000);
        LogRow inbound = new LogRow("log.csv", 0, 6, Instant.parse("2026-09-01T09:59:00Z").toEpochMilli(), null, "inr", null,
                "15550009999", "5511987600001", Direction.INBOUND, MessageKind.MESSAGE, null, EntryPoint.NONE, null, LogRow.NONE, null, -1);
        PricingSession stop = CONFIG.newSession(e -> { });
        stop.accept(inbound);
        stop.accept(agent);
        PricingProblemException e = assertThrows(PricingProblemException.class, stop::finish);
        assertTrue(e.getMessage().startsWith("log.csv:7: column account"), e.getMessage());
        assertTrue(e.getMessage().contains("agentRatePerMillion INR="), "the API's name of the option: " + e.getMessage());
        assertFalse(e.getMessage().contains("--"), "no command-line flag in the core's message: " + e.getMessage());

        List<RowProblem> problems = new ArrayList<>();
        PricingSession skip = CONFIG.newSession(x -> { }, SessionOptions.defaults().withProblems(problems::add));
        skip.accept(inbound);
        skip.accept(agent);
        assertEquals(new RowAccounting(2, 1, 0, 1), skip.finish());
        assertEquals(1, problems.size());
        assertEquals(7, problems.get(0).line());
    }

    @Test void wholeMonthBandsNeedACountingPassFirst() {
        PricingConfig a3 = CONFIG.toBuilder().options(PricingOptions.defaults().withNbpBands(BandMode.WHOLE_MONTH)).build();
        assertTrue(a3.needsCountingPass());
        assertThrows(IllegalStateException.class, () -> a3.newSession(e -> { }));
        List<LogRow> rows = cbpLog();
        PricingSession counting = a3.newSession(e -> { }, SessionOptions.defaults().asCountingPass());
        rows.forEach(counting::accept);
        counting.finish();
        List<LedgerEntry> entries = new ArrayList<>();
        PricingSession pricing = a3.newSession(entries::add, SessionOptions.defaults().withMonthTotals(counting.monthTotals()));
        rows.forEach(pricing::accept);
        assertEquals(rows.size(), pricing.finish().ledgerRows());
    }

    @Test void rowsOutOfTimeOrderAreRefused() {
        PricingSession s = CONFIG.newSession(e -> { });
        s.accept(in("2023-07-02T10:00:00Z", "a1", "15550001110", "5511987600010"));
        assertThrows(IllegalArgumentException.class, () -> s.accept(in("2023-07-01T10:00:00Z", "a1", "15550001110", "5511987600010")));
    }

    @Test void aWhatIfCardTheCatalogLacksFailsWhenTheConfigIsBuilt() {
        PricingConfigException e = assertThrows(PricingConfigException.class, () -> CONFIG.toBuilder()
                .options(PricingOptions.defaults().withPinnedCard("EUR@2024-01-01")).build());
        assertTrue(e.getMessage().contains("EUR@2024-01-01"), e.getMessage());
        assertNotEquals(null, CONFIG.catalog());
    }
}
