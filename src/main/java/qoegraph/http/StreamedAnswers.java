package qoegraph.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import qoegraph.graphql.fetch.RowStreams;

import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Answers whose rows skipped graphql-java's completion ({@link RowStreams}), sent as they are written
 * ({@link StreamedBody}): JSON always, CSV when the rows are the answer's one root field. The bytes are those the
 * whole answer would have had.
 */
final class StreamedAnswers {
    private final Executor writers;

    /** @param writers where the bodies are written: never the event loop */
    StreamedAnswers(Executor writers) {
        this.writers = writers;
    }

    /**
     * The streamed response to {@code spec} as {@code mediaType}; null when it is not streamed (no rows skipped
     * completion, or a CSV that {@link CsvRows} writes).
     *
     * @param keep keeps the answer in the response cache: run after the body is written (the first byte waits for
     *             nothing), or not at all when the answer is not streamed
     */
    MutableHttpResponse<byte[]> respond(Map<String, Object> spec, String mediaType, Runnable keep) {
        if (!RowStreams.in(spec)) {
            return null;
        }
        if (mediaType.equals(GraphQLHttpController.TEXT_CSV)) {
            StreamedCsv csv = StreamedCsv.of(spec);
            return csv == null ? null
                    : asBytes(GraphQLHttpController.csvOk(StreamedBody.of(csv::writeTo, writers, keep), csv.fileName()));
        }
        return asBytes(HttpResponse.status(HttpStatus.OK).contentType(mediaType)
                .body(StreamedBody.of(out -> ResponseJson.write(spec, out), writers, keep)));
    }

    /**
     * The controller's routes declare byte[] bodies, and Micronaut writes each chunk of a Publisher body as the
     * route's declared type: raw bytes. Declared as anything else (Object), a JSON response's chunks would be
     * written as the elements of a JSON array.
     */
    @SuppressWarnings("unchecked")
    private static MutableHttpResponse<byte[]> asBytes(Object response) {
        return (MutableHttpResponse<byte[]>) response;
    }
}
