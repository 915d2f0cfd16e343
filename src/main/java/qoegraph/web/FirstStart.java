package qoegraph.web;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qoegraph.catalog.CatalogReader;
import qoegraph.ingest.IngestReport;
import qoegraph.ingest.Ingester;

/**
 * On a start with an empty database, generates the sample data (when absent) and ingests it, before the
 * server accepts requests. A database that already holds data is used as it is: no regeneration, no
 * re-ingest, so a restart is ready in seconds.
 */
@Singleton
public class FirstStart implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    private final QoegraphConfig config;
    private final Ingester ingester;
    private final CatalogReader catalog;

    public FirstStart(QoegraphConfig config, Ingester ingester, CatalogReader catalog) {
        this.config = config;
        this.ingester = ingester;
        this.catalog = catalog;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!config.sampleOnFirstStart() || !catalog.files().isEmpty()) {
            return;
        }
        if (!SampleData.present(config.sampleDir())) {
            LOG.info("first start: generating the sample data into {}", config.sampleDir());
            SampleData.generate(config.sampleDir(), config.sampleScale(), 1, LOG::info);
        }
        LOG.info("first start: ingesting {}", config.sampleDir());
        IngestReport report = ingester.ingest(config.sampleDir().resolve(SampleData.SESSIONS_FILE));
        IngestReport study = ingester.ingest(config.sampleDir().resolve(SampleData.STUDY_DIR));
        LOG.info("first start: ingested {} + {} rows ({} rejected, {} incomplete)", report.loaded(), study.loaded(),
                report.rejected() + study.rejected(), report.incomplete() + study.incomplete());
    }
}
