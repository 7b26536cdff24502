package io.wabill.cli;

import io.wabill.sim.domain.TemplateCategory;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How stored webhook payloads are joined into a log (see {@code MessageJoiner}). */
public final class ImportOptions {
    @Option(names = "--join-window", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "1h",
            description = "how long after a message's first status its other statuses are waited for before it is written "
                    + "(later ones become status rows of the same id); bounds memory; default: ${DEFAULT-VALUE}")
    Duration joinWindow;

    @Option(names = "--unknown-template-category", paramLabel = "CATEGORY",
            description = "category of templates whose webhooks name none: ${COMPLETION-CANDIDATES}; default: none: "
                    + "such messages reported as CBP-1 user_initiated/business_initiated or referral_conversion are "
                    + "written with category unknown, which is priced where the rules do not use the category (B2; B4, "
                    + "C7, D5) and refused, naming the rule, elsewhere; other such messages are listed in the errors")
    TemplateCategory unknownTemplateCategory;

    /** The import's settings with this status horizon. */
    io.wabill.data.webhooks.WebhookImport.Settings settings(Duration statusHorizon) {
        return new io.wabill.data.webhooks.WebhookImport.Settings(joinWindow, statusHorizon, unknownTemplateCategory);
    }
}
