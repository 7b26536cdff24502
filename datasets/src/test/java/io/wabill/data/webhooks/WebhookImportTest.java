package io.wabill.data.webhooks;

import static io.wabill.data.webhooks.Payloads.cbp;
import static io.wabill.data.webhooks.Payloads.conversation;
import static io.wabill.data.webhooks.Payloads.inbound;
import static io.wabill.data.webhooks.Payloads.pmp;
import static io.wabill.data.webhooks.Payloads.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.log.RowError;
import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.events.LogRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookImportTest {
    static final String USER = "5511987600101";
    @TempDir Path dir;
    final List<ImportedRow> rows = new ArrayList<>();
    final List<RowError> errors = new ArrayList<>();

    private ImportReport importLines(TemplateCategory fallback, String... payloads) throws IOException {
        Path f = dir.resolve("hooks.jsonl");
        Files.write(f, List.of(payloads), StandardCharsets.UTF_8);
        return importFiles(fallback, f);
    }

    private ImportReport importFiles(TemplateCategory fallback, Path... files) throws IOException {
        rows.clear();
        errors.clear();
        return new WebhookImport(new WebhookImport.Settings(Duration.ofHours(1), Duration.ofDays(7), fallback))
                .run(List.of(files), rows::add, errors::add);
    }

    private static long ms(String iso) { return Instant.parse(iso).toEpochMilli(); }

    @Test
    void statusesJoinTheirMessageWhateverTheirOrderAndTheMostAdvancedStatusWins() throws IOException {
        importLines(null,
                status("wamid.A", "read", "2025-09-10T12:30:00Z", USER, null, null, null),
                status("wamid.A", "delivered", "2025-09-10T12:00:03Z", USER, pmp("utility", "regular", true), null, null),
                status("wamid.A", "sent", "2025-09-10T12:00:00Z", USER, pmp("utility", "regular", true),
                        conversation("c1", "utility", "2025-09-10T12:00:00Z"), null));
        assertEquals(1, rows.size());
        ImportedRow r = rows.get(0);
        assertEquals(DeliveryStatus.READ, r.status());
        assertEquals(ms("2025-09-10T12:00:00Z"), r.timestamp(), "the send instant is the earliest status");
        assertEquals(ms("2025-09-10T12:00:03Z"), r.deliveredAt(), "the delivery instant is the delivered status's");
        assertEquals(MessageKind.TEMPLATE, r.kind());
        assertEquals(TemplateCategory.UTILITY, r.category());
        assertEquals("regular", r.report().pricingType());
        assertEquals("c1", r.report().conversationId());
        assertEquals(ms("2025-09-10T12:00:00Z"), r.report().conversationExpiration());
    }

    @Test
    void aReadStatusWithoutADeliveredOneGivesTheDeliveryInstant() throws IOException {
        importLines(null,
                status("wamid.A", "sent", "2025-09-10T12:00:00Z", USER, pmp("marketing", "regular", true), null, null),
                status("wamid.A", "read", "2025-09-10T12:00:09Z", USER, null, null, null));
        assertEquals(ms("2025-09-10T12:00:09Z"), rows.get(0).deliveredAt());
    }

    @Test
    void aFailureAfterDeliveryKeepsTheMessageDelivered() throws IOException {
        importLines(null,
                status("wamid.A", "delivered", "2025-09-10T12:00:01Z", USER, pmp("marketing", "regular", true), null, null),
                status("wamid.A", "failed", "2025-09-10T12:00:05Z", USER, null, null, "[{\"code\":131026}]"));
        assertEquals(DeliveryStatus.DELIVERED, rows.get(0).status());
    }

    @Test
    void duplicateStatusesAndDuplicateUserMessagesAreMergedNotCounted() throws IOException {
        String sent = status("wamid.A", "delivered", "2025-09-10T12:00:01Z", USER, pmp("marketing", "regular", true), null, null);
        String in = inbound("wamid.IN", USER, "2025-09-10T11:00:00Z", null);
        ImportReport report = importLines(null, in, sent, sent, in);
        assertEquals(2, rows.size());
        assertEquals(1, report.items().get("inbound_duplicates_dropped"));
        assertEquals(1, report.items().get("statuses_merged"));
    }

    @Test
    void theCategoryComesFromPricingElseFromTheConversationOrigin() throws IOException {
        importLines(null,
                status("wamid.A", "delivered", "2024-08-05T10:00:00Z", USER, cbp("marketing"), conversation("c1", "marketing", null), null),
                status("wamid.B", "delivered", "2024-08-05T11:00:00Z", USER, null, conversation("c2", "authentication", null), null));
        assertEquals(TemplateCategory.MARKETING, rows.get(0).category());
        assertEquals(TemplateCategory.AUTHENTICATION, rows.get(1).category());
    }

    @Test
    void aServiceCategoryIsANonTemplateMessage() throws IOException {
        importLines(null, inbound("wamid.IN", USER, "2025-09-10T08:00:00Z", null),
                status("wamid.A", "delivered", "2025-09-10T09:00:00Z", USER, pmp("service", "free_customer_service", false), null, null));
        assertEquals(MessageKind.FREE_FORM, rows.get(1).kind());
        assertNull(rows.get(1).category());
    }

    @Test
    void unknownCategoriesAreKeptAsReportedAndListedNeverGuessed() throws IOException {
        ImportReport report = importLines(null, inbound("wamid.IN", USER, "2025-09-10T08:00:00Z", null),
                status("wamid.A", "delivered", "2025-09-10T09:00:00Z", USER,
                        pmp("general_purpose_ai", "free_customer_service", false), null, null));
        assertEquals(Map.of("general_purpose_ai", 1L), report.unknownCategories());
        assertEquals("general_purpose_ai", rows.get(1).report().category());
        assertNull(rows.get(1).category(), "no template category is made up for it");
    }

    @Test
    void aFreeEntryPointMessageIsNonTemplateInsideTheWindowAndATemplateOfUnknownCategoryOutsideIt() throws IOException {
        String ad = "{\"source_type\":\"ad\",\"source_id\":\"900000000000001\",\"ctwa_clid\":\"ARAkTest\"}";
        String[] payloads = {inbound("wamid.IN", USER, "2025-09-15T10:00:00Z", ad),
            status("wamid.A", "delivered", "2025-09-15T10:10:00Z", USER, pmp("referral_conversion", "free_entry_point", false), null, null),
            status("wamid.B", "delivered", "2025-09-16T12:00:00Z", USER, pmp("referral_conversion", "free_entry_point", false), null, null)};
        ImportReport report = importLines(null, payloads);
        assertEquals(EntryPoint.CTWA, rows.get(0).entryPoint());
        assertEquals(MessageKind.FREE_FORM, rows.get(1).kind());
        assertEquals(3, rows.size(), "the reply after the window closed is written too");
        assertEquals(MessageKind.TEMPLATE, rows.get(2).kind(), "outside the service window only a template could go (G7)");
        assertEquals(TemplateCategory.UNKNOWN, rows.get(2).category(), "free in the entry window whatever its category (D5)");
        assertEquals(0, report.unresolvedMessages());
        assertTrue(errors.isEmpty(), errors.toString());

        importLines(TemplateCategory.MARKETING, payloads);
        assertEquals(3, rows.size());
        assertEquals(TemplateCategory.MARKETING, rows.get(2).category(), "a category given is used");
    }

    @Test
    void aMessageReportedOnlyAsCbp1BusinessInitiatedIsATemplateOfUnknownCategory() throws IOException {
        importLines(null, status("wamid.A", "delivered", "2022-09-15T10:10:00Z", USER, cbp("business_initiated"), null, null));
        assertEquals(MessageKind.TEMPLATE, rows.get(0).kind());
        assertEquals(TemplateCategory.UNKNOWN, rows.get(0).category(), "B2 prices it without its category");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aMessageWithNoPricingAtAllStillNeedsACategory() throws IOException {
        importLines(null, status("wamid.A", "delivered", "2025-09-16T12:00:00Z", USER, null, null, null));
        assertTrue(rows.isEmpty());
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).reason().contains("--unknown-template-category"), errors.get(0).reason());
    }

    @Test
    void refusalCodesTellTheKindOfAFailedMessage() throws IOException {
        importLines(null,
                status("wamid.A", "failed", "2025-09-10T09:00:00Z", USER, null, null, "[{\"code\":131047}]"),
                status("wamid.B", "failed", "2025-09-10T09:01:00Z", "15550009999", null, null, "[{\"code\":131049}]"));
        assertEquals(MessageKind.FREE_FORM, rows.get(0).kind());
        assertEquals(131047, rows.get(0).report().errorCode());
        assertEquals(TemplateCategory.MARKETING, rows.get(1).category());
        assertEquals(DeliveryStatus.FAILED, rows.get(1).status());
    }

    @Test
    void aBadPayloadIsReportedWithItsFileAndLineAndTheRestContinue() throws IOException {
        ImportReport report = importLines(null,
                status("wamid.A", "delivered", "2025-09-10T09:00:00Z", USER, pmp("marketing", "regular", true), null, null),
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\"",
                status("wamid.B", "delivered", "2025-09-10T09:30:00Z", USER, pmp("marketing", "regular", true), null, null)
                        .replace("\"" + Payloads.at("2025-09-10T09:30:00Z") + "\"", "\"yesterday\""),
                status("wamid.C", "delivered", "2025-09-10T10:00:00Z", USER, pmp("marketing", "regular", true), null, null));
        assertEquals(2, rows.size());
        assertEquals(List.of("wamid.A", "wamid.C"), rows.stream().map(ImportedRow::messageId).toList());
        assertEquals(2, report.badPayloads());
        assertEquals(2, errors.get(0).line());
        assertTrue(errors.get(0).file().endsWith("hooks.jsonl"));
        assertEquals(3, errors.get(1).line());
        assertEquals("entry[0].changes[0].value.statuses[0].timestamp", errors.get(1).column());
    }

    @Test
    void jsonLinesArraysPrettyPrintedFilesAndGzipGiveTheSameRows() throws IOException {
        String a = inbound("wamid.IN", USER, "2025-09-10T08:00:00Z", null);
        String b = status("wamid.A", "delivered", "2025-09-10T09:00:00Z", USER, pmp("utility", "free_customer_service", false), null, null);
        String c = status("wamid.A", "read", "2025-09-10T09:05:00Z", USER, null, null, null);
        importLines(null, a, b, c);
        List<ImportedRow> expected = List.copyOf(rows);

        Path array = dir.resolve("hooks.json");
        Files.writeString(array, "[\n  " + a + ",\n  " + b.replace(",", ",\n    ") + ",\n  " + c + "\n]\n");
        importFiles(null, array);
        assertEquals(expected, rows);

        Path onePerFile = dir.resolve("one.json"), two = dir.resolve("two.json"), three = dir.resolve("three.json");
        Files.writeString(onePerFile, a.replace("{", "{\n"));
        Files.writeString(two, b.replace("{", "{\n"));
        Files.writeString(three, c.replace("{", "{\n"));
        importFiles(null, onePerFile, two, three);
        assertEquals(expected, rows);

        Path gz = dir.resolve("hooks.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(String.join("\n", a, "[" + b + "," + c + "]").getBytes(StandardCharsets.UTF_8));
        }
        importFiles(null, gz);
        assertEquals(expected, rows);
    }

    @Test
    void aStatusThatComesAfterItsMessageWasWrittenBecomesAStatusRowOfTheSameId() throws IOException {
        ImportReport report = importLines(null,
                status("wamid.A", "sent", "2025-09-10T09:00:00Z", USER, pmp("marketing", "regular", true), null, null),
                status("wamid.B", "delivered", "2025-09-10T12:00:00Z", USER, pmp("marketing", "regular", true), null, null),
                status("wamid.A", "delivered", "2025-09-10T11:00:00Z", USER, pmp("marketing", "regular", true), null, null),
                status("wamid.A", "delivered", "2025-09-10T11:00:00Z", USER, pmp("marketing", "regular", true), null, null));
        assertEquals(List.of("wamid.A", "wamid.A", "wamid.B"), rows.stream().map(ImportedRow::messageId).toList());
        assertEquals(DeliveryStatus.SENT, rows.get(0).status());
        assertEquals(DeliveryStatus.DELIVERED, rows.get(1).status());
        assertEquals(ms("2025-09-10T11:00:00Z"), rows.get(1).timestamp(), "a reader takes the delivery from this row's instant");
        assertEquals(TemplateCategory.MARKETING, rows.get(1).category(), "status rows of one id agree (G10)");
        assertEquals(1, report.items().get("late_status_rows_written"));
        assertEquals(1, report.items().get("late_statuses_without_news"));
        assertEquals(0, report.rowsOutOfOrder());
    }

    @Test
    void rowsComeOutInTimeOrderWithUserMessagesFirstAtTheSameInstant() throws IOException {
        importLines(null,
                status("wamid.A", "delivered", "2025-09-10T09:00:00Z", USER, pmp("service", "free_customer_service", false), null, null),
                inbound("wamid.IN", USER, "2025-09-10T09:00:00Z", null),
                inbound("wamid.IN0", USER, "2025-09-10T08:30:00Z", null));
        assertEquals(List.of("wamid.IN0", "wamid.IN", "wamid.A"), rows.stream().map(ImportedRow::messageId).toList());
        assertEquals(Direction.INBOUND, rows.get(1).direction());
        assertEquals(LogRow.NONE, rows.get(0).deliveredAt());
    }
}
