package qoegraph.web;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qoegraph.cache.DataVersion;
import qoegraph.catalog.CatalogReader;
import qoegraph.catalog.FileEntry;
import qoegraph.ingest.IngestReport;
import qoegraph.ingest.Ingester;
import qoegraph.rollup.Rollups;

/**
 * On a start with an empty database, generates the sample data (when absent) and ingests it, before the
 * server accepts requests. A database that already holds data is used as it is: no regeneration, no
 * re-ingest, so a restart is ready in seconds. Then, when the database holds ingested files, builds the
 * rollups (on every start, so edited rollup files and files ingested by the {@code ingest} command are
 * picked up; each build swaps its table in atomically). A rollup already built by the same SELECT on the same
 * ingested files is kept as it is, so a restart does not rebuild them all.
 */
@Singleton
public class FirstStart implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    private final QoegraphConfig config;
    private final Ingester ingester;
    private final CatalogReader catalog;
    private final Rollups rollups;
    private final DuckDBConnection duckdb;
    private final DataVersion dataVersion;

    public FirstStart(QoegraphConfig config, Ingester ingester, CatalogReader catalog, Rollups rollups,
                      DuckDBConnection duckdb, DataVersion dataVersion) {
        this.config = config;
        this.ingester = ingester;
        this.catalog = catalog;
        this.rollups = rollups;
        this.duckdb = duckdb;
        this.dataVersion = dataVersion;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (config.sampleOnFirstStart() && catalog.files().isEmpty()) {
            ingestSample();
        }
        buildRollups();
    }

    /**
     * Builds the rollups when the database holds ingested files. A database without (empty, or filled by
     * other means than the ingester) gets none, so no query reads a rollup older than its data.
     */
    private void buildRollups() {
        if (catalog.files().isEmpty() || rollups.definitions().isEmpty()) {
            return;
        }
        try (Connection connection = duckdb.duplicate()) {
            rollups.refreshStale(connection, dataStamp(catalog.files()));
            dataVersion.changed();
        } catch (SQLException e) {
            throw new IllegalStateException("building the rollups failed: " + e.getMessage(), e);
        }
    }

    /** The ingested files by id and content: the same stamp means the same data (only the ingester writes it). */
    private static String dataStamp(List<FileEntry> files) {
        StringBuilder stamp = new StringBuilder();
        files.stream().sorted(Comparator.comparingInt(FileEntry::fileId))
                .forEach(f -> stamp.append(f.fileId()).append(':').append(f.sha256()).append(','));
        return stamp.toString();
    }

    private void ingestSample() {
        if (!SampleData.present(config.sampleDir())) {
            LOG.info("first start: generating the sample data into {}", config.sampleDir());
            SampleData.generate(config.sampleDir(), config.sampleScale(), 1, LOG::info);
        }
        LOG.info("first start: ingesting {}", config.sampleDir());
        IngestReport report = ingester.ingest(config.sampleDir().resolve(SampleData.SESSIONS_FILE));
        IngestReport study = ingester.ingest(config.sampleDir().resolve(SampleData.STUDY_DIR));
        dataVersion.changed();
        LOG.info("first start: ingested {} + {} rows ({} rejected, {} incomplete)", report.loaded(), study.loaded(),
                report.rejected() + study.rejected(), report.incomplete() + study.incomplete());
    }
}
