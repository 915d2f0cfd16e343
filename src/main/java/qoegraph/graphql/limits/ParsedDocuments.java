package qoegraph.graphql.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * graphql-java's parsed and validated documents, kept by query text: a dashboard repeats a few texts with other
 * variables, and parsing and validating one again cost as much as a small rollup query's own work. Only documents
 * that passed are kept, so a refusal (a parser limit's TOO_COMPLEX, a validation error in the request's locale)
 * is always worked out afresh. Validation depends on the schema and the text alone, never on the variables; the
 * operation-level checks (depth, complexity, good-faith introspection) run on every execution, kept or not.
 * Bounded by the characters of the kept texts.
 */
public final class ParsedDocuments implements PreparsedDocumentProvider {
    /** About 2 MB of query text, and their syntax trees: a few thousand dashboard queries. */
    static final long MAX_CHARS = 2_000_000;

    private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumWeight(MAX_CHARS)
            .weigher((String query, PreparsedDocumentEntry entry) -> query.length()).build();

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        PreparsedDocumentEntry kept = documents.getIfPresent(query);
        if (kept != null) {
            return CompletableFuture.completedFuture(kept);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            documents.put(query, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }
}
