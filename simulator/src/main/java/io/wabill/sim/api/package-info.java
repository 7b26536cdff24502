/**
 * The pricing core as a library: the one door through which a program prices a WhatsApp Business Platform message
 * log (PRICING.md, FORMATS.md) without the command line.
 *
 * <h2>In four steps</h2>
 * <pre>{@code
 * Catalog catalog = CatalogLoader.bundled();                        // module datasets: the bundled rate cards
 * PricingConfig config = PricingConfig.builder()
 *         .catalog(catalog)                                         // cards and market map (required)
 *         .accounts(book)                                           // time zone, currency, portfolio per account
 *         .options(PricingOptions.defaults().withAllowStaleCard(true))
 *         .build();                                                 // immutable, shared by every session
 * PricingSession session = config.newSession(entry -> totals.merge(entry.currency(), entry.amount(), BigDecimal::add));
 * for (LogRow row : rowsInTimeOrder) session.accept(row);           // e.g. io.wabill.data.log.LogSource#stream
 * RowAccounting accounting = session.finish();                      // rows in = ledger + merged + skipped, checked
 * }</pre>
 *
 * <h2>Rows without an object each</h2>
 * A session reads a row's fields during {@code accept} and keeps none of it but copies, so a row is any
 * {@link io.wabill.sim.events.LogRowFields}: a {@link io.wabill.sim.events.LogRow} record, or one
 * {@link io.wabill.sim.events.RowBuffer} that a reader fills again for every line. The command line reads a log
 * that way ({@code LogReader.next(RowBuffer)}, {@code LogSource.scan}), and a forecast generates its rows that way
 * ({@code LogRowSink.reusing}): reading and pricing a row then allocates its message and the strings of its id and
 * customer, not a row object.
 *
 * <h2>The types</h2>
 * <ul>
 *   <li>{@link io.wabill.sim.api.PricingConfig}: catalog ({@link io.wabill.sim.api.Catalog}), market map, accounts,
 *   pricing options ({@link io.wabill.sim.engine.PricingOptions}: every option PRICING.md names), strategy chain and
 *   status horizon; built once.</li>
 *   <li>{@link io.wabill.sim.api.PricingSession}: one pass over rows in time order; entries to a
 *   {@link io.wabill.sim.api.LedgerEntrySink} as soon as they are final; {@code finish()} returns the
 *   {@link io.wabill.sim.api.RowAccounting} and fails if a row went missing.</li>
 *   <li>{@link io.wabill.sim.api.LedgerEntry}: one priced message, immutable (keep it, send it to another thread).
 *   Writers of large ledgers may take the allocation-free path, {@code newLineSession}, whose one reused line is
 *   valid only inside the sink.</li>
 *   <li>{@link io.wabill.sim.api.SessionOptions}: the session's {@link io.wabill.sim.api.Partition}, its
 *   {@link io.wabill.sim.api.ProblemHandler} for rows that end in no ledger row ({@link io.wabill.sim.api.RowProblem};
 *   by default the first one stops the session with a {@link io.wabill.sim.api.PricingProblemException}), and the
 *   counting pass of whole-month bands (A3, {@link io.wabill.sim.api.MonthTotals}).</li>
 * </ul>
 *
 * <h2>Partitions</h2>
 * Portfolios share nothing, so a log may be priced by portfolio, apart, and merged: the contract (what may be split,
 * how the parts merge, what a session of one part refuses) is on {@link io.wabill.sim.api.Partition}. CBP
 * conversation ids are numbered per account for that reason: a portfolio priced alone gets the ids it gets in the
 * whole log.
 *
 * <h2>Errors</h2>
 * Bad input is an exception of this package ({@link io.wabill.sim.api.PricingProblemException},
 * {@link io.wabill.sim.api.PricingConfigException}, {@link io.wabill.sim.api.PartitionException}) with the file,
 * line and column where there is one; messages name options in this API's terms ({@code allowStaleCard},
 * {@code agentRatePerMillion}, {@code statusHorizon}), and a command line maps them to its flags. An
 * {@link java.lang.IllegalStateException} is a bug.
 *
 * <h2>Threads and memory</h2>
 * A config is shared; a session belongs to one thread. A session holds the open windows of its pairs and the
 * messages within the status horizon, never the log.
 */
package io.wabill.sim.api;
