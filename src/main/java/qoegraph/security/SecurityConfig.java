package qoegraph.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;

/**
 * Who may do what (QOEGRAPH_SECURITY_ADMIN_TOKEN, QOEGRAPH_SECURITY_QUERY_TOKEN, QOEGRAPH_SECURITY_INGEST_DIR).
 *
 * @param adminToken the bearer token that allows the mutations (ingest, refreshRollups); none: they are off
 * @param queryToken when set, queries need this token (or the admin token); none: queries are open
 * @param ingestDir  the folder the ingest mutation may read files from; paths outside it are refused
 */
@ConfigurationProperties("qoegraph.security")
public record SecurityConfig(
        @Nullable String adminToken,
        @Nullable String queryToken,
        @Bindable(defaultValue = "data") Path ingestDir) {

    public Tokens tokens() {
        return Tokens.of(adminToken, queryToken);
    }
}
