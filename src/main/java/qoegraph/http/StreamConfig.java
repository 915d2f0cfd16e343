package qoegraph.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Streamed answers (QOEGRAPH_STREAM_ENABLED).
 *
 * @param enabled write a dataset field's rows to the response as they are serialized, past graphql-java's
 *                per-value completion ({@link StreamedAnswers}); off, every answer is completed by graphql-java and
 *                written whole, as before. The bytes are the same either way.
 */
@ConfigurationProperties("qoegraph.stream")
public record StreamConfig(@Bindable(defaultValue = "true") boolean enabled) {
}
