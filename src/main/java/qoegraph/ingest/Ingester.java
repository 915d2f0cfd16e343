package qoegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import qoegraph.model.SourceTable;
import qoegraph.model.SourceTables;

/**
 * Loads CSV files (plain or .csv.gz) into the DuckDB tables declared in sources.yml, through DuckDB's own CSV
 * reader. Each file goes to the table whose header it starts with, in one transaction; a file whose content
 * was ingested before is skipped; no line is lost: every data line is either loaded or kept in
 * {@code _rejects} with its physical line number and the reason.
 *
 * <p>Uses its own duplicates of the root connection; calls on one Ingester run one at a time.
 */
public final class Ingester {

    // Reference tables first, so derived columns of the study tables resolve at insert.
    private static final List<String> FIRST = List.of("users", "devices", "user_devices", "locations");
    private static final long TICK_MILLIS = 2_000;

    private final DuckDBConnection root;
    private final SourceTables tables;
    private final DerivedColumns derived;
    private final Consumer<String> progress;
    private final Object lock = new Object();
    private boolean schemaReady;
    private volatile AfterIngest after = connection -> { };

    /** Work that follows every ingest on the same database, such as writing the new files' rows to a lake. */
    @FunctionalInterface
    public interface AfterIngest {
        void run(Connection duckdb) throws SQLException;
    }

    public Ingester(Connection duckdbRoot, SourceTables tables, Consumer<String> progress) {
        this.root = (DuckDBConnection) duckdbRoot;
        this.tables = tables;
        this.derived = new DerivedColumns(tables);
        this.progress = progress;
        new Schema(tables, derived).checkNames();
    }

    /** The ingested files in a stamp that changes with every ingest (see {@code Bookkeeping.stamp}). */
    public static String dataStamp(Connection connection) throws SQLException {
        return Bookkeeping.stamp(connection);
    }

    /** Creates, if absent, every declared table (declared types plus provenance and derived columns) and the
     * bookkeeping tables; fails if an existing table has other columns than sources.yml declares. */
    public void ensureSchema() {
        synchronized (lock) {
            try (Connection connection = root.duplicate()) {
                new Schema(tables, derived).ensure(connection);
                schemaReady = true;
            } catch (SQLException e) {
                throw new IngestException("cannot create the ingest schema: " + e.getMessage(), e);
            }
        }
    }

    /** Runs {@code work} after every ingest from now on (once per call of {@link #ingest}), and once now. */
    public void afterEachIngest(AfterIngest work) {
        synchronized (lock) {
            after = work;
            runAfter();
        }
    }

    private void runAfter() {
        try (Connection connection = root.duplicate()) {
            after.run(connection);
        } catch (SQLException e) {
            throw new IngestException("the work after the ingest failed: " + e.getMessage(), e);
        }
    }

    /** Ingests a file, or every *.csv and *.csv.gz file of a directory (not recursive). */
    public IngestSummary ingest(Path path) {
        synchronized (lock) {
            long started = System.nanoTime();
            List<Planned> plan = plan(path);
            if (!schemaReady) {
                ensureSchema();
            }
            List<IngestResult> results = new ArrayList<>();
            // the Java pass's reader and scanner, and the progress ticker
            ScheduledExecutorService workers = Executors.newScheduledThreadPool(3, Ingester::daemon);
            try (Connection connection = root.duplicate()) {
                configure(connection);
                connection.setAutoCommit(false);
                FileIngest files = new FileIngest(connection, derived, progress, workers,
                        new ProgressTicker(workers, progress, TICK_MILLIS));
                for (Planned planned : plan) {
                    results.add(files.run(planned.file(), planned.table()));
                }
            } catch (SQLException e) {
                throw new IngestException("ingest of " + path + " failed: " + e.getMessage(), e);
            } finally {
                workers.shutdownNow();
            }
            runAfter();
            IngestSummary outcome = new IngestSummary(results, Duration.ofNanos(System.nanoTime() - started));
            progress.accept(summary(path, outcome));
            return outcome;
        }
    }

    private record Planned(CsvFile file, SourceTable table) {
    }

    // Every file is opened and matched to a table before anything is loaded, so a wrong file in a
    // directory leaves the database unchanged.
    private List<Planned> plan(Path path) {
        List<Planned> plan = new ArrayList<>();
        for (Path file : files(path)) {
            CsvFile csv = CsvFile.of(file);
            plan.add(new Planned(csv, table(csv)));
        }
        plan.sort(Comparator.comparingInt((Planned p) -> priority(p.table()))
                .thenComparing(p -> p.file().name()));
        return plan;
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(Files::isRegularFile).filter(CsvFile::isCsvName).sorted().toList();
        } catch (IOException e) {
            throw new IngestException(path, "cannot list the directory: " + e.getMessage(), e);
        }
    }

    private SourceTable table(CsvFile file) {
        String header = file.header();
        return tables.byHeader(header).orElseThrow(() -> new IngestException(file.path(), unknownHeader(header)));
    }

    private String unknownHeader(String header) {
        String message = "unknown header \"" + abbreviate(header) + "\"";
        Optional<SourceTable> closest = tables.closest(header);
        if (closest.isEmpty()) {
            return message;
        }
        List<String> names = List.of(closest.get().header().split(","));
        boolean looksLikeData = Stream.of(header.split(",")).noneMatch(names::contains);
        return message + "; the closest expected header is \"" + closest.get().header() + "\" (table "
                + closest.get().name() + ")" + (looksLikeData ? "; the file may lack its header line" : "");
    }

    private static int priority(SourceTable table) {
        int index = FIRST.indexOf(table.name());
        return index < 0 ? FIRST.size() : index;
    }

    private static String summary(Path path, IngestSummary outcome) {
        return "ingest of " + path.getFileName() + ": " + outcome.files().size() + " file(s), "
                + Progress.count(outcome.loaded()) + " rows loaded, " + Progress.count(outcome.rejected())
                + " rejected, " + outcome.skipped() + " skipped as duplicates in "
                + Progress.seconds(outcome.took().toNanos());
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    // DuckDB tracks a statement's progress only with its progress bar on (under JDBC the bar prints nowhere).
    // DuckDB may run an ASOF join with a side it cannot estimate as a nested loop (asof_loop_join_threshold):
    // the rejects' line shifts (Rejects) are such a join, and could be large.
    private static void configure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET enable_progress_bar = true");
            statement.execute("SET enable_progress_bar_print = false");
            statement.execute("SET asof_loop_join_threshold = 0");
        }
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "qoegraph-ingest");
        thread.setDaemon(true);
        return thread;
    }
}
