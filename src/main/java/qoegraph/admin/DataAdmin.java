package qoegraph.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import qoegraph.sql.ConnectionSource;
import qoegraph.cache.DataVersion;
import qoegraph.ingest.IngestResult;
import qoegraph.ingest.Ingester;
import qoegraph.rollup.RollupStatus;
import qoegraph.rollup.Rollups;

/**
 * What the admin mutations do, in the order that keeps every answer whole: an ingest first withdraws the
 * rollups (queries read the base tables, which show the data before the ingest until its commit, then after),
 * then ingests, then rebuilds the rollups and offers them again. No query is answered from a rollup older
 * than its base table. The data version moves after the commit and after the rebuild, dropping cached answers.
 * One admin operation runs at a time.
 */
public final class DataAdmin {
    private final Ingester ingester;
    private final Rollups rollups;
    private final DataVersion version;
    private final ConnectionSource connections;
    private final ConnectionSource store;
    private final Path ingestDir;

    /** @param ingestDir the folder whose files (and sub-folders) the ingest may read; nothing outside it */
    public DataAdmin(Ingester ingester, Rollups rollups, DataVersion version, ConnectionSource connections, Path ingestDir) {
        this(ingester, rollups, version, connections, connections, ingestDir);
    }

    /**
     * @param connections the query engine's, where rollups are built
     * @param store       the embedded DuckDB's, where the ingest keeps its bookkeeping and the rollup builds are recorded
     */
    public DataAdmin(Ingester ingester, Rollups rollups, DataVersion version, ConnectionSource connections,
                     ConnectionSource store, Path ingestDir) {
        this.ingester = ingester;
        this.rollups = rollups;
        this.version = version;
        this.connections = connections;
        this.store = store;
        this.ingestDir = ingestDir.toAbsolutePath().normalize();
    }

    /** The ingest's per-file results and the rollups as rebuilt after it. */
    public record IngestOutcome(List<IngestResult> files, List<RollupStatus> rollups) {
    }

    /**
     * Ingests files or folders named relative to the ingest folder (or absolute, inside it).
     *
     * @throws AdminException when a path is outside the ingest folder or does not exist; nothing is ingested then
     * @throws qoegraph.ingest.IngestException when a file is refused; files before it stay ingested, and the
     *         rollups are rebuilt over them
     */
    public synchronized IngestOutcome ingest(List<String> paths) {
        List<Path> resolved = new ArrayList<>();
        for (String path : paths) {
            resolved.add(resolve(path));
        }
        rollups.withdraw();
        List<IngestResult> files = new ArrayList<>();
        try {
            for (Path path : resolved) {
                files.addAll(ingester.ingest(path).files());
            }
        } catch (RuntimeException e) {
            // Files before the refused one are in: the rollups must cover them before they are offered again.
            version.changed();
            try {
                rebuild();
            } catch (RuntimeException rebuildFailure) {
                e.addSuppressed(rebuildFailure);
            }
            throw e;
        }
        if (files.stream().noneMatch(IngestResult::ingested)) {
            return new IngestOutcome(files, rollups.reinstate());
        }
        version.changed();
        return new IngestOutcome(files, rebuild());
    }

    /** Rebuilds every rollup from the base tables as they are now. */
    public synchronized List<RollupStatus> refreshRollups() {
        return rebuild();
    }

    /**
     * Rebuilds the rollups whose file or ingested data changed since their last build and keeps the others
     * (a start on an existing database).
     */
    public synchronized List<RollupStatus> refreshChangedRollups() {
        return rebuild(true);
    }

    /** The path relative to the ingest folder that reports show (never more of the server's file system). */
    public String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(ingestDir) ? ingestDir.relativize(absolute).toString() : absolute.getFileName().toString();
    }

    private List<RollupStatus> rebuild() {
        return rebuild(false);
    }

    /** @param keepCurrent keep a rollup built from the same definition over the same ingested files */
    private List<RollupStatus> rebuild(boolean keepCurrent) {
        if (rollups.definitions().isEmpty()) {
            return List.of();
        }
        // one connection when the engine is the store itself: the swap and its record commit together
        try (Connection connection = connections.open(); Connection books = store == connections ? null : store.open()) {
            Connection records = books == null ? connection : books;
            List<RollupStatus> statuses = keepCurrent ? rollups.refreshChanged(connection, records)
                    : rollups.refresh(connection, records);
            version.changed();
            return statuses;
        } catch (SQLException e) {
            throw new IllegalStateException("rebuilding the rollups failed; queries read the base tables until a"
                    + " refreshRollups succeeds", e);
        }
    }

    private Path resolve(String path) {
        if (path == null || path.isBlank() || path.indexOf('\0') >= 0) {
            throw new AdminException("an empty path: name a file or folder inside the ingest folder");
        }
        Path candidate;
        try {
            candidate = ingestDir.resolve(path).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new AdminException("'" + path + "' is not a valid path");
        }
        if (!candidate.startsWith(ingestDir)) {
            throw new AdminException("'" + path + "' is outside the ingest folder; the ingest reads only files"
                    + " inside qoegraph.security.ingest-dir");
        }
        if (!Files.exists(candidate)) {
            throw new AdminException("'" + path + "' does not exist in the ingest folder");
        }
        try {
            // A symbolic link inside the folder must not lead out of it.
            if (!candidate.toRealPath().startsWith(ingestDir.toRealPath())) {
                throw new AdminException("'" + path + "' leads outside the ingest folder");
            }
        } catch (IOException e) {
            throw new AdminException("'" + path + "' cannot be read: " + e.getMessage());
        }
        return candidate;
    }
}
