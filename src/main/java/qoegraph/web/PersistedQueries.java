package qoegraph.web;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryError;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * graphql-java's Apollo APQ support over a bounded, least-recently-used cache of parsed queries (graphql-java's
 * in-memory cache grows without bound: any client could fill the heap). Its errors carry our
 * {@code extensions.code}: PERSISTED_QUERY_NOT_FOUND (message {@code PersistedQueryNotFound}, which Apollo clients
 * read to resend with the query) and PERSISTED_QUERY_HASH_MISMATCH.
 */
final class PersistedQueries extends ApolloPersistedQuerySupport {

    PersistedQueries(int maxEntries) {
        super(new LruCache(maxEntries));
    }

    @Override
    protected PreparsedDocumentEntry mkMissingError(PersistedQueryError error) {
        String code = error instanceof PersistedQueryNotFound ? "PERSISTED_QUERY_NOT_FOUND" : "PERSISTED_QUERY_HASH_MISMATCH";
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (error instanceof PersistedQueryNotFound notFound) {
            extensions.put("persistedQueryId", String.valueOf(notFound.getPersistedQueryId()));
        }
        GraphQLError built = GraphqlErrorBuilder.newError().message(error.getMessage()).extensions(extensions).build();
        return new PreparsedDocumentEntry(built);
    }

    private static final class LruCache implements PersistedQueryCache {
        private final Map<Object, PreparsedDocumentEntry> entries;

        LruCache(int maxEntries) {
            entries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Object, PreparsedDocumentEntry> eldest) {
                    return size() > maxEntries;
                }
            });
        }

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(Object id, ExecutionInput input,
                PersistedQueryCacheMiss onCacheMiss) throws PersistedQueryNotFound {
            PreparsedDocumentEntry known = entries.get(id);
            if (known != null) {
                return CompletableFuture.completedFuture(known);
            }
            String query = input.getQuery();
            if (query == null || query.isBlank() || query.equals(PERSISTED_QUERY_MARKER)) {
                throw new PersistedQueryNotFound(id);
            }
            PreparsedDocumentEntry parsed = onCacheMiss.apply(query);
            if (!parsed.hasErrors()) {
                entries.put(id, parsed);
            }
            return CompletableFuture.completedFuture(parsed);
        }
    }
}
