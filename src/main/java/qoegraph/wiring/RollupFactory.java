package qoegraph.wiring;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import qoegraph.engine.QueryEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qoegraph.cache.DataVersion;
import qoegraph.model.Model;
import qoegraph.rollup.RollupLoader;
import qoegraph.rollup.Rollups;

/**
 * The rollups of {@code <queries-dir>/rollups}, each SELECT checked (DESCRIBE) against its header on the
 * database whose tables the ingester has created ({@link TablesReady}): a bad file stops the start with file and
 * line. They are built by {@link FirstStart}.
 */
@Factory
public class RollupFactory {
    private static final Logger LOG = LoggerFactory.getLogger("qoegraph.rollup");

    @Singleton
    public Rollups rollups(QoegraphConfig config, Model model, TablesReady tables) throws SQLException {
        QueryEngine engine = tables.engine();
        try (Connection connection = engine.connections().open()) {
            return new Rollups(RollupLoader.load(config.queriesDir().resolve("rollups"), model, connection,
                    engine.dialect()), model, engine.dialect(), LOG::info);
        }
    }

    /** Moves on every ingest and rollup build; the result cache keys on it. */
    @Singleton
    public DataVersion dataVersion() {
        return new DataVersion();
    }
}
