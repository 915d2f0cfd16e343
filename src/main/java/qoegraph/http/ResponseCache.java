package qoegraph.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import qoegraph.cache.DataVersion;

/**
 * Whole answers of repeated read-only requests, in front of graphql-java: a request with the same query text (a
 * persisted query's hash is resolved to its text first), operation name and variables at the same
 * {@link DataVersion} is answered without parsing,
 * validating or executing it again. Only answers without errors are kept, never a mutation's; every data change
 * drops them all. A hit says so: each root field's {@code extensions.fields.<field>.cached} is true and its
 * {@code ms} 0. A hit's JSON is written once, when the answer is kept, and its CSV at the first hit that asks for
 * it: a hit sends stored bytes (an answer of 100,000 rows written again cost seconds). Bounded by the stored
 * bytes.
 */
final class ResponseCache {
    private final DataVersion version;
    private final Cache<Key, Kept> entries;

    private record Key(String query, String operationName, Map<String, Object> variables, long version) {
    }

    /**
     * A kept answer as a hit: its specification (for validators and a CSV not written yet), its JSON text and,
     * once asked for, its CSV answer.
     */
    record Kept(Map<String, Object> spec, byte[] json, CsvRows.Answer csv) {
        /** The JSON bytes, the specification at about twice that on the heap, the CSV bytes. */
        int weight() {
            long weight = 3L * json.length + (csv == null || csv.body() == null ? 0 : csv.body().length);
            return (int) Math.min(Integer.MAX_VALUE, weight);
        }
    }

    private ResponseCache(DataVersion version, Cache<Key, Kept> entries) {
        this.version = version;
        this.entries = entries;
    }

    /** @param maxBytes the bound: the kept answers' {@link Kept#weight}s */
    static ResponseCache of(DataVersion version, long maxBytes) {
        Cache<Key, Kept> entries = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key key, Kept kept) -> kept.weight()).build();
        ResponseCache cache = new ResponseCache(version, entries);
        version.onChange(entries::invalidateAll);
        return cache;
    }

    static ResponseCache off() {
        return new ResponseCache(null, null);
    }

    /** The kept answer, as a hit; empty when none. */
    Optional<Kept> get(GraphQLRequest request) {
        if (entries == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.getIfPresent(key(request, version.current())));
    }

    /**
     * The kept answer's CSV, written by {@code csv} from its specification at the first hit that asks for it and
     * kept with it from then on.
     */
    CsvRows.Answer csv(GraphQLRequest request, Kept kept, Function<Map<String, Object>, CsvRows.Answer> csv) {
        if (kept.csv() != null) {
            return kept.csv();
        }
        CsvRows.Answer table = csv.apply(kept.spec());
        Key key = key(request, version.current());
        // replace only the entry it was read from: a data change in between dropped it, and the table is of old data
        entries.asMap().replace(key, kept, new Kept(kept.spec(), kept.json(), table));
        return table;
    }

    /**
     * Keeps {@code spec} if it is an answer without errors of a read-only request, run at {@code atVersion}.
     *
     * @param mutated the request ran a mutation ({@link qoegraph.graphql.fetch.MutationFields#MUTATED}): never kept
     */
    void put(GraphQLRequest request, long atVersion, Map<String, Object> spec, boolean mutated) {
        if (entries == null || mutated || spec.containsKey("errors") || !spec.containsKey("data")) {
            return;
        }
        Map<String, Object> hit = asHit(spec);
        entries.put(key(request, atVersion), new Kept(hit, ResponseJson.bytes(hit), null));
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
