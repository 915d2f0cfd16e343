package qoegraph.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Automatic persisted queries (Apollo's APQ: {@code extensions.persistedQuery = {version: 1, sha256Hash}}), settled
 * before anything else answers a request, the response cache included: a request carrying a query and a hash has
 * the hash checked against that text and the text stored under it; a request carrying only a hash gets the stored
 * text. What runs next is always the text, so no cache can answer a text for another hash, and a text that some
 * cache answered is stored all the same (Apollo's hash-only GET then hits). The texts are kept in a bounded,
 * least-recently-used map: any client can add to it.
 */
final class PersistedQueries {
    static final String EXTENSION = "persistedQuery";
    static final String NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
    static final String HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH";
    static final String NOT_SUPPORTED = "PERSISTED_QUERY_NOT_SUPPORTED";
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-fA-F]{64}");

    /** The request to run, or why it cannot run: {@code code} and {@code message} of a GraphQL error. */
    record Outcome(GraphQLRequest request, String code, String message) {
        boolean refused() {
            return code != null;
        }
    }

    /** hash (lower-case hex) -> query text; null when persisted queries are off. */
    private final Cache<String, String> texts;

    private PersistedQueries(Cache<String, String> texts) {
        this.texts = texts;
    }

    static PersistedQueries of(PersistedQueriesConfig config) {
        return new PersistedQueries(config.enabled()
                ? Caffeine.newBuilder().maximumSize(config.maxEntries()).build() : null);
    }

    Outcome resolve(GraphQLRequest request) {
        Object extension = request.extensions().get(EXTENSION);
        if (extension == null) {
            return new Outcome(request, null, null);
        }
        if (!(extension instanceof Map<?, ?> persisted)) {
            return refuse("BAD_REQUEST", "extensions.persistedQuery must be an object {\"version\": 1, \"sha256Hash\": ...}");
        }
        if (!(persisted.get("version") instanceof Number version) || version.doubleValue() != 1) {
            return refuse("BAD_REQUEST", "persistedQuery.version " + persisted.get("version") + " is not supported:"
                    + " this server speaks version 1 (sha256Hash: the SHA-256 of the query text, in hex)");
        }
        if (!(persisted.get("sha256Hash") instanceof String hash) || !SHA_256.matcher(hash).matches()) {
            return refuse("BAD_REQUEST", "persistedQuery.sha256Hash must be the SHA-256 of the query text: 64 hex digits");
        }
        String key = hash.toLowerCase(Locale.ROOT);
        if (request.hasQuery()) {
            String actual = sha256(request.query());
            if (!actual.equals(key)) {
                return refuse(HASH_MISMATCH, "persistedQuery.sha256Hash " + key + " is not the SHA-256 of the query"
                        + " sent (" + actual + "): send the hash of this exact text");
            }
            if (texts != null) {
                texts.put(key, request.query());
            }
            return new Outcome(request, null, null);
        }
        if (texts == null) {
            // Apollo's link reads this message and resends with the query, without hashes from then on
            return refuse(NOT_SUPPORTED, "PersistedQueryNotSupported");
        }
        String text = texts.getIfPresent(key);
        if (text == null) {
            return refuse(NOT_FOUND, "PersistedQueryNotFound");   // the message Apollo's link reads to resend with the query
        }
        return new Outcome(request.withQuery(text), null, null);
    }

    private static Outcome refuse(String code, String message) {
        return new Outcome(null, code, message);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
