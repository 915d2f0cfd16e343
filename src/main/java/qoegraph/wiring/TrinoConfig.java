package qoegraph.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import qoegraph.engine.trino.Trino;

/**
 * The Trino engine's settings (QOEGRAPH_TRINO_*), read when {@code qoegraph.engine} is {@code trino}.
 *
 * @param url     the coordinator's JDBC URL, {@code jdbc:trino://host:8080}
 * @param user    the Trino user the server's statements run as
 * @param catalog the Hive catalog over the lake
 * @param schema  the schema of qoegraph's tables in it (created when absent)
 * @param lake    the folder the ingest writes each file's rows to, as Parquet; Trino's workers must read it too
 * @param lakeUri the same folder as the catalog's file system names it: {@code local:///} when the catalog's
 *                {@code local.location} is {@code lake}, {@code s3://bucket/prefix} for an object store mounted here
 */
@ConfigurationProperties("qoegraph.trino")
public record TrinoConfig(
        @Bindable(defaultValue = "jdbc:trino://127.0.0.1:8090") String url,
        @Bindable(defaultValue = "qoegraph") String user,
        @Bindable(defaultValue = "lake") String catalog,
        @Bindable(defaultValue = "qoegraph") String schema,
        @Bindable(defaultValue = "data/lake") Path lake,
        @Bindable(defaultValue = "local:///") String lakeUri) {

    public Trino.Settings settings() {
        return new Trino.Settings(url, user, catalog, schema, lake, lakeUri);
    }
}
