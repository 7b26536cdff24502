package io.wabill.spark;

import io.wabill.app.FlagNames;
import io.wabill.data.accounts.AccountSettings;
import io.wabill.data.accounts.AccountsException;
import io.wabill.data.accounts.AccountsReader;
import io.wabill.data.rates.CatalogLoadException;
import io.wabill.data.rates.CatalogLoader;
import io.wabill.report.OutputException;
import io.wabill.app.RatesFolder;
import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.api.Catalog;
import io.wabill.sim.api.PricingConfig;
import io.wabill.sim.api.PricingConfigException;
import io.wabill.sim.engine.PricingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine;

/**
 * The pricing configuration of a job ({@link PricingConfig}: catalog, accounts, pricing options, status horizon),
 * built from its {@link JobSettings} once per JVM (the driver and each executor) and shared by the tasks that run
 * there, each with its own session.
 */
final class PricingInputs {
    private static final Map<String, PricingInputs> CACHE = new ConcurrentHashMap<>();

    final SimulateOptions options;
    final Catalog catalog;
    final AccountBook accounts;
    final PricingOptions pricing;
    final PricingConfig config;

    private PricingInputs(SimulateOptions options, Catalog catalog, AccountBook accounts, PricingOptions pricing) {
        this.options = options;
        this.catalog = catalog;
        this.accounts = accounts;
        this.pricing = pricing;
        try {
            this.config = PricingConfig.builder().catalog(catalog).accounts(accounts).options(pricing)
                    .statusHorizon(options.statusHorizon).build();
        } catch (PricingConfigException e) {
            throw new UserException(FlagNames.of(e.getMessage()));
        }
    }

    static PricingInputs of(JobSettings s) {
        return CACHE.computeIfAbsent(s.id, id -> build(s));
    }

    private static PricingInputs build(JobSettings s) {
        SimulateOptions o = new SimulateOptions();
        new CommandLine(o).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(s.args);
        try {
            return new PricingInputs(o, catalog(s, o), book(s, o), o.pricing());
        } catch (IOException e) {
            throw new UserException("cannot read an input: " + e.getMessage());
        }
    }

    private static Catalog catalog(JobSettings s, SimulateOptions o) throws IOException {
        try {
            if (s.rates == null) return CatalogLoader.bundled();
            // The driver's own path when this JVM sees it (local runs, shared disks): the catalog then names the
            // files the user gave. Elsewhere the shipped bytes, under the same file names.
            if (Files.exists(o.rates)) return RatesFolder.load(o.rates);
            Path dir = Files.createTempDirectory("wabill-rates");
            for (var e : s.rates.entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
            return CatalogLoader.load(s.ratesIsFile ? dir.resolve(s.rates.keySet().iterator().next()) : dir);
        } catch (CatalogLoadException | OutputException e) {
            throw new UserException(e.getMessage());
        }
    }

    private static AccountBook book(JobSettings s, SimulateOptions o) throws IOException {
        Account template;
        try {
            template = AccountSettings.build(Account.DEFAULT_ID, o.defaultAccount());
        } catch (IllegalArgumentException e) {
            throw new UserException("account options: " + e.getMessage());
        }
        List<Account> configured = List.of();
        if (s.accounts != null) {
            Path file = Path.of(o.accountsFile);
            if (!Files.isRegularFile(file)) {
                file = Files.createTempFile("wabill-accounts", ".csv");
                Files.write(file, s.accounts);
            }
            try {
                configured = AccountsReader.read(file);
            } catch (AccountsException e) {
                throw new UserException("the accounts file has problems:\n  " + e.getMessage());
            }
        }
        return new AccountBook(template, configured);
    }
}
