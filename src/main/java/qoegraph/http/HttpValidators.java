package qoegraph.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * HTTP caching of GET answers. An answer without errors carries a weak {@code ETag} made of the data version and the
 * request (query, operation name, variables, the media type answered), with {@code Cache-Control: no-cache} (a cache
 * may keep it but asks again each time) and {@code Vary: Accept} (one URL answers JSON or CSV). A request whose
 * {@code If-None-Match} holds the current tag gets a {@code 304} without running: the same request at the same data
 * version has the same answer. Any ingest or rollup build moves the data version, and so every tag; the tags of a
 * previous run of the server never match (each run has its own prefix), so an ingest made while it was stopped
 * cannot leave one valid. Answers with errors are {@code no-store}: a BUSY or a timeout must not be kept.
 */
final class HttpValidators {
    private final String run = runPrefix();
    private final String cacheControl;

    /** @param private_ answers need a token: only the client's own cache may keep them */
    HttpValidators(boolean private_) {
        this.cacheControl = private_ ? "private, no-cache" : "no-cache";
    }

    private static String runPrefix() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The tag of {@code request}'s answer as {@code mediaType} at data {@code version}. */
    String etag(long version, GraphQLRequest request, String mediaType) {
        String variables = ResponseJson.write(request.variables());
        String digest = PersistedQueries.sha256(String.join("\u0000", request.query(),
                String.valueOf(request.operationName()), variables, mediaType));
        return "W/\"" + run + "-" + version + "-" + digest.substring(0, 32) + "\"";
    }

    /** Whether an {@code If-None-Match} value names {@code etag} (weak comparison, as RFC 9110 asks for it). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** Headers of a GET answer: the validator when {@code spec} has no errors, else no-store. */
    <T> MutableHttpResponse<T> decorate(MutableHttpResponse<T> response, Map<String, Object> spec, String etag) {
        response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (spec != null && spec.get("errors") != null || etag == null) {
            return response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }
}
