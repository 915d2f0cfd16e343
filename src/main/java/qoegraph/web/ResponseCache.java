package qoegraph.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import qoegraph.cache.DataVersion;

/**
 * Whole answers of repeated read-only requests, in front of graphql-java: a request with the same query text (a
 * persisted query's hash is resolved to its text first), operation name and variables at the same
 * {@link DataVersion} is answered without parsing,
 * validating or executing it again. Only answers without errors are kept, never a mutation's; every data change
 * drops them all. A hit says so: each root field's {@code extensions.fields.<field>.cached} is true and its
 * {@code ms} 0. Bounded by the answers' size as JSON text.
 */
final class ResponseCache {
    private final DataVersion version;
    private final Cache<Key, Map<String, Object>> entries;

    private record Key(String query, String operationName, Map<String, Object> variables, long version) {
    }

    private ResponseCache(DataVersion version, Cache<Key, Map<String, Object>> entries) {
        this.version = version;
        this.entries = entries;
    }

    /** @param size an answer's weight: the length of its JSON text */
    static ResponseCache of(DataVersion version, long maxChars, ToIntFunction<Map<String, Object>> size) {
        Cache<Key, Map<String, Object>> entries = Caffeine.newBuilder().maximumWeight(maxChars)
                .weigher((Key key, Map<String, Object> spec) -> size.applyAsInt(spec)).build();
        ResponseCache cache = new ResponseCache(version, entries);
        version.onChange(entries::invalidateAll);
        return cache;
    }

    static ResponseCache off() {
        return new ResponseCache(null, null);
    }

    /** The version to key a request's answer by: read before it runs, so a change during the run keys it as old. */
    long version() {
        return version == null ? -1 : version.current();
    }

    /** The kept answer, marked as a hit; empty when none. */
    Optional<Map<String, Object>> get(GraphQLRequest request) {
        if (entries == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.getIfPresent(key(request, version.current()))).map(ResponseCache::asHit);
    }

    /**
     * Keeps {@code spec} if it is an answer without errors of a read-only request, run at {@code atVersion}.
     *
     * @param mutated the request ran a mutation ({@link qoegraph.graphql.MutationFields#MUTATED}): never kept
     */
    void put(GraphQLRequest request, long atVersion, Map<String, Object> spec, boolean mutated) {
        if (entries == null || mutated || spec.containsKey("errors") || !spec.containsKey("data")) {
            return;
        }
        entries.put(key(request, atVersion), spec);
        if (version.current() != atVersion) {
            entries.invalidate(key(request, atVersion));
        }
    }

    private static Key key(GraphQLRequest request, long version) {
        return new Key(request.query(), request.operationName(), request.variables(), version);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asHit(Map<String, Object> spec) {
        Object extensions = spec.get("extensions");
        if (!(extensions instanceof Map<?, ?> ext) || !(ext.get("fields") instanceof Map<?, ?> fields)) {
            return spec;
        }
        Map<String, Object> hitFields = new LinkedHashMap<>();
        fields.forEach((name, report) -> {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) report);
            copy.put("cached", true);
            copy.put("ms", 0L);
            hitFields.put(String.valueOf(name), copy);
        });
        Map<String, Object> hitExtensions = new LinkedHashMap<>((Map<String, Object>) ext);
        hitExtensions.put("fields", hitFields);
        Map<String, Object> hit = new LinkedHashMap<>(spec);
        hit.put("extensions", hitExtensions);
        return hit;
    }
}
