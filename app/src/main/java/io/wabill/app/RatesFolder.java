package io.wabill.app;

import io.wabill.data.rates.CatalogLoadException;
import io.wabill.data.rates.CatalogLoader;
import io.wabill.report.FolderReadLock;
import io.wabill.sim.api.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Loads a {@code --rates} folder or card file while no other run writes into its folder: {@code wabill rates import
 * --out DIR} adds its cards to DIR as one commit under DIR's lock, and a run reading DIR meanwhile waits for that
 * commit ({@link FolderReadLock}), so it prices with all of the import's cards or none of them.
 */
public final class RatesFolder {
    /** How long a run waits for an import into its rates folder to end before it says so and stops. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private RatesFolder() {}

    public static Catalog load(Path rates) throws IOException, CatalogLoadException {
        Path folder = Files.isDirectory(rates) ? rates : rates.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) return CatalogLoader.load(rates); // it says what is missing
        try (FolderReadLock ignored = FolderReadLock.acquire(folder, PATIENCE)) {
            return CatalogLoader.load(rates);
        }
    }
}
