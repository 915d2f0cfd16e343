package qoegraph.wiring;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qoegraph.admin.DataAdmin;
import qoegraph.catalog.CatalogReader;
import qoegraph.generate.SampleData;
import qoegraph.ingest.IngestSummary;
import qoegraph.ingest.Ingester;

/**
 * On a start with an empty database, generates the sample data (when absent) and ingests it, before the
 * server accepts requests. A database that already holds data is used as it is: no regeneration, no
 * re-ingest, so a restart is ready in seconds. Then, when the database holds ingested files, builds the
 * rollups whose file or data changed since their last build (edited rollup files and files ingested by the
 * {@code ingest} command are picked up; each build swaps its table in atomically) and keeps the others.
 */
@Singleton
public class FirstStart implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    private final QoegraphConfig config;
    private final Ingester ingester;
    private final CatalogReader catalog;
    private final DataAdmin admin;

    public FirstStart(QoegraphConfig config, Ingester ingester, CatalogReader catalog, DataAdmin admin) {
        this.config = config;
        this.ingester = ingester;
        this.catalog = catalog;
        this.admin = admin;
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
     * other means than the ingester) gets none, so no query reads a rollup older than its data. This runs
     * before the server takes requests: nothing is cached yet, and the build moves the data version anyway.
     */
    private void buildRollups() {
        if (!catalog.files().isEmpty()) {
            admin.refreshChangedRollups();
        }
    }

    private void ingestSample() {
        if (!SampleData.present(config.sampleDir())) {
            LOG.info("first start: generating the sample data into {}", config.sampleDir());
            SampleData.generate(config.sampleDir(), config.sampleScale(), 1, LOG::info);
        }
        LOG.info("first start: ingesting {}", config.sampleDir());
        IngestSummary report = ingester.ingest(config.sampleDir().resolve(SampleData.SESSIONS_FILE));
        IngestSummary study = ingester.ingest(config.sampleDir().resolve(SampleData.STUDY_DIR));
        LOG.info("first start: ingested {} + {} rows ({} rejected, {} incomplete)", report.loaded(), study.loaded(),
                report.rejected() + study.rejected(), report.incomplete() + study.incomplete());
    }
}
