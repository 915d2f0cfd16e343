package qoegraph.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.duckdb.DuckDBPreparedStatement;
import qoegraph.model.SourceTable;

/**
 * Ingests one file in one transaction: its rows, its rejects, the derived-column updates it causes and its
 * {@code _ingest_files} row commit together or not at all (DuckDB's WAL makes a kill -9 roll it back too).
 *
 * <p>The Java pass over the content (SHA-256 and an independent line count) reads each file once more than
 * DuckDB; see {@code javaPass} for how it stays off the critical path.
 */
final class FileIngest {

    private final Connection connection;
    private final DerivedColumns derived;
    private final Consumer<String> progress;
    private final ExecutorService scans;
    private final ProgressTicker ticker;

    FileIngest(Connection connection, DerivedColumns derived, Consumer<String> progress,
               ExecutorService scans, ProgressTicker ticker) {
        this.connection = connection;
        this.derived = derived;
        this.progress = progress;
        this.scans = scans;
        this.ticker = ticker;
    }

    IngestResult run(CsvFile file, SourceTable table) throws SQLException {
        long started = System.nanoTime();
        progress.accept("ingesting " + file.name() + " (" + Progress.bytes(file.bytes()) + ") into " + table.name()
                + "...");
        // A path ingested before is probably a re-ingest: hash it before anything else, so a duplicate
        // costs one read and no load.
        if (Bookkeeping.pathSeen(connection, absolute(file))) {
            Optional<Bookkeeping.Earlier> earlier = Bookkeeping.bySha256(connection, file.sha256());
            if (earlier.isPresent()) {
                return skipped(file, table, earlier.get(), started);
            }
        }
        Path plainCopy = file.gzip() ? TempFiles.create(file.path(), "the decompressed content") : null;
        try {
            return run(file, table, plainCopy, started);
        } finally {
            TempFiles.deleteQuietly(plainCopy);
        }
    }

    private IngestResult run(CsvFile file, SourceTable table, Path plainCopy, long started) throws SQLException {
        CompletableFuture<CsvFile.Hashed<ScanResult>> pass = javaPass(file, plainCopy, nullableFields(table),
                lowCardinalityFields(table));
        if (pass.isDone()) {
            Optional<Bookkeeping.Earlier> earlier = Bookkeeping.bySha256(connection, await(pass).sha256());
            if (earlier.isPresent()) {
                return skipped(file, table, earlier.get(), started);
            }
        }
        CsvFile source = plainCopy == null ? file : new CsvFile(plainCopy, file.bytes());
        try {
            IngestResult result = load(file, source, table, pass, started);
            if (!result.ingested()) {
                connection.rollback();
                return result;
            }
            connection.commit();
            progress.accept(Progress.done(result));
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback(e);
            pass.cancel(true);
            throw e instanceof IngestException ingest ? ingest
                    : new IngestException(file.path(), "not ingested, nothing stored: " + e.getMessage(), e);
        }
    }

    // The Java pass: SHA-256, an independent line count and the values of lowCardinality fields, in one read.
    // A gzip file is decompressed here into a plain copy, which DuckDB then parses with all its threads (it
    // decompresses gzip on one), so the pass is done before loading. For a plain file it runs while DuckDB
    // loads (except a table's first file, whose ENUM values it gives first); the same content under a new name
    // is then found after the load and rolled back.
    private CompletableFuture<CsvFile.Hashed<ScanResult>> javaPass(CsvFile file, Path plainCopy,
                                                                    boolean[] nullable, boolean[] collect) {
        if (plainCopy != null) {
            return CompletableFuture.completedFuture(file.scanAndHash(plainCopy, nullable, collect, scans));
        }
        return CompletableFuture.supplyAsync(() -> file.scanAndHash(null, nullable, collect, scans), scans);
    }

    // "Incomplete" means a value that should be there is missing: NULL is one only in a column that is
    // not declared nullable (the file's fields are the table's columns, in order).
    private static boolean[] nullableFields(SourceTable table) {
        boolean[] nullable = new boolean[table.columns().size()];
        for (int i = 0; i < nullable.length; i++) {
            nullable[i] = table.columns().get(i).nullable();
        }
        return nullable;
    }

    private static boolean[] lowCardinalityFields(SourceTable table) {
        boolean[] collect = new boolean[table.columns().size()];
        for (int i = 0; i < collect.length; i++) {
            collect[i] = table.columns().get(i).lowCardinality();
        }
        return collect;
    }

    /** Loads {@code source} (the file itself, or its decompressed copy) on behalf of {@code file}. */
    private IngestResult load(CsvFile file, CsvFile source, SourceTable table,
                              CompletableFuture<CsvFile.Hashed<ScanResult>> pass, long started) throws SQLException {
        int fileId = Bookkeeping.nextFileId(connection);
        StagedLoad.Result rows = insertRows(file, source, table, fileId, pass);
        CsvFile.Hashed<ScanResult> hashed = await(pass);
        Optional<Bookkeeping.Earlier> earlier = Bookkeeping.bySha256(connection, hashed.sha256());
        if (earlier.isPresent()) {
            return skipped(file, table, earlier.get(), started);
        }
        ScanResult scan = hashed.value();
        checkReadable(file, scan);
        BitSet duckDbRejects = Rejects.duckDbLines(connection);
        long cutOff = CutOffLine.load(connection, table, derived, fileId, scan, duckDbRejects);
        BitSet notRead = (BitSet) duckDbRejects.clone();
        notRead.or(scan.blankLines());
        long[] refusedLines = StagedLoad.duckLines(rows.refused(), scan.records(), notRead);
        LineCounts counts = LineCounts.of(scan, duckDbRejects, cutOff, refusedLines, rows.loaded());
        if (!counts.balanced()) {
            throw new IngestException(file.path(), "line count mismatch, nothing stored: read " + counts.linesRead()
                    + " data lines but DuckDB loaded " + counts.loaded() + " and rejected " + counts.rejected());
        }
        writeRejects(file, fileId, scan, cutOff, counts, rows.refused(), refusedLines);
        fillDerived(table, fileId);
        recomputeDerived(table);
        IngestResult result = new IngestResult(file.path(), table.name(), IngestStatus.INGESTED, counts.linesRead(),
                counts.loaded(), counts.rejected(), counts.incomplete(), Duration.ofNanos(System.nanoTime() - started));
        Bookkeeping.record(connection, new Bookkeeping.FileRow(fileId, absolute(file), hashed.sha256(), table.name(),
                result.linesRead(), result.loaded(), result.rejected(), result.incomplete(), result.took().toMillis()));
        return result;
    }

    // One INSERT ... SELECT FROM read_csv: DuckDB's parallel reader, no staging, no second pass. A lowCardinality
    // column (an ENUM) needs the file's values before the load only while it has none (the table's first file):
    // they come from the Java pass, which read every field. After that the load starts at once; see insert.
    private StagedLoad.Result insertRows(CsvFile file, CsvFile source, SourceTable table, int fileId,
                                         CompletableFuture<CsvFile.Hashed<ScanResult>> pass) throws SQLException {
        EnumColumns enums = EnumColumns.of(table);
        Map<String, Set<String>> values = !enums.isEmpty() && !enums.typed(connection)
                ? scannedValues(enums, table, await(pass).value()) : Map.of();
        Target target = new Target(table, fileId, enums, values);
        try {
            return insert(file, source, target, pass);
        } catch (SQLException e) {
            ScanResult scan = await(pass).value();
            checkReadable(file, scan);
            if (!scan.crlf()) {
                return slowPath(file, source, target, e);
            }
            // DuckDB takes one line end per file and fails on a mix of CRLF and LF: load a copy with LF only.
            connection.rollback();
            Path lf = TempFiles.create(file.path(), "a copy with LF line ends");
            try {
                source.writeWithLf(lf);
                CsvFile copy = new CsvFile(lf, file.bytes());
                try {
                    return insert(file, copy, target, pass);
                } catch (SQLException again) {
                    return slowPath(file, copy, target, again);
                }
            } finally {
                TempFiles.deleteQuietly(lf);
            }
        }
    }

    /** Where a file's rows go, and the values its ENUM columns must hold before they do. */
    private record Target(SourceTable table, int fileId, EnumColumns enums, Map<String, Set<String>> values) {
    }

    // A value an ENUM lacks fails the load (DuckDB never makes it a NULL or a reject): the load is rolled back, the
    // ENUM widened with the values the Java pass saw, and the file loaded again; should that fail too (a field the
    // pass read otherwise, or one with too many values to collect), with the values DuckDB reads from the file.
    private StagedLoad.Result insert(CsvFile file, CsvFile source, Target target,
                                     CompletableFuture<CsvFile.Hashed<ScanResult>> pass) throws SQLException {
        Map<String, Set<String>> values = target.values();
        for (int attempt = 1; ; attempt++) {
            target.enums().widen(connection, values);
            try {
                return insert(file, source, target);
            } catch (SQLException e) {
                if (!EnumColumns.isUnseenValue(e) || attempt == 3) {
                    throw e;
                }
                connection.rollback();
                Map<String, Set<String>> scanned = scannedValues(target.enums(), target.table(), await(pass).value());
                values = attempt == 1 && !scanned.equals(values) ? scanned
                        : target.enums().valuesIn(connection, source);
            }
        }
    }

    // The Java pass's values by column name; empty when it gave up on a column (DuckDB is asked on failure).
    private static Map<String, Set<String>> scannedValues(EnumColumns enums, SourceTable table, ScanResult scan) {
        Map<String, Set<String>> values = new HashMap<>();
        for (int i = 0; i < table.columns().size(); i++) {
            Set<String> field = scan.fieldValues().get(i);
            if (field != null) {
                values.put(table.columns().get(i).name(), field);
            }
        }
        return values.keySet().containsAll(enums.names()) ? values : Map.of();
    }

    private StagedLoad.Result insert(CsvFile file, CsvFile source, Target target) throws SQLException {
        Rejects.dropDuckDbTables(connection, CsvSql.REJECTS);
        String insert = CsvSql.insert(target.table(), derived, target.fileId(),
                CsvSql.readCsv(target.table(), source.path(), source.gzip()), null);
        try (DuckDBPreparedStatement statement = connection.prepareStatement(insert)
                .unwrap(DuckDBPreparedStatement.class);
             ProgressTicker.Watch watch = ticker.watch(statement, file.name())) {
            return new StagedLoad.Result(statement.executeUpdate(), List.of());
        }
    }

    // Only a pgarray value that is not a valid array makes the single INSERT fail on a readable file. The staged
    // rows are the file's as DuckDB reads it, so the ENUM columns get the values read from it.
    private StagedLoad.Result slowPath(CsvFile file, CsvFile source, Target target, SQLException e)
            throws SQLException {
        if (!target.table().hasPgArrays()) {
            throw new IngestException(file.path(), "DuckDB cannot read the file, nothing stored: "
                    + e.getMessage(), e);
        }
        connection.rollback();
        if (!target.enums().isEmpty()) {
            target.enums().widen(connection, target.enums().valuesIn(connection, source));
        }
        return StagedLoad.run(connection, target.table(), derived, target.fileId(), source);
    }

    private void writeRejects(CsvFile file, int fileId, ScanResult scan, long cutOff, LineCounts counts,
                              List<StagedLoad.Refused> refused, long[] refusedLines) throws SQLException {
        Rejects rejects = new Rejects(connection, fileId);
        rejects.copyDuckDbRejects(scan.lineMap(), cutOff);
        rejects.addBlankLines(counts.blankOnly(scan), scan.lineMap());
        if (refusedLines.length == 0) {
            return;
        }
        Set<Long> wanted = new HashSet<>();
        for (long line : refusedLines) {
            wanted.add(line);
        }
        ScanResult captured = file.scanCapturing(wanted::contains);
        for (int i = 0; i < refusedLines.length; i++) {
            rejects.add(scan.lineMap().physical(refusedLines[i]),
                    captured.captured().getOrDefault(refusedLines[i], ""), refused.get(i).reason());
        }
    }

    private void fillDerived(SourceTable table, int fileId) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String update : derived.fillAfterInsert(table, fileId)) {
                statement.executeUpdate(update);
            }
        }
    }

    private void recomputeDerived(SourceTable table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String update : derived.recomputeAfter(table)) {
                statement.executeUpdate(update);
            }
        }
    }

    private IngestResult skipped(CsvFile file, SourceTable table, Bookkeeping.Earlier earlier, long started) {
        progress.accept(file.name() + ": same content as file " + earlier.fileId() + " (" + earlier.path()
                + "), skipped");
        return new IngestResult(file.path(), table.name(), IngestStatus.SKIPPED_DUPLICATE, 0, 0, 0, 0,
                Duration.ofNanos(System.nanoTime() - started));
    }

    // A carriage return that does not start a CRLF makes DuckDB fail or drop it silently; refuse the file.
    private static void checkReadable(CsvFile file, ScanResult scan) {
        if (scan.loneCrLine() > 0) {
            throw new IngestException(file.path(), "line " + scan.loneCrLine() + ": carriage return not followed"
                    + " by a line feed; DuckDB's CSV reader cannot read such a file reliably (use LF or CRLF line"
                    + " ends), nothing stored");
        }
    }

    private static String absolute(CsvFile file) {
        return file.path().toAbsolutePath().toString();
    }

    private static <T> T await(CompletableFuture<T> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void rollback(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
