package qoegraph.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import qoegraph.sql.QueryResult;
import qoegraph.sql.Row;
import qoegraph.sql.SqlStatement;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Answers of compiled statements, keyed by the statement (SQL text, bound values, columns, limit) and the
 * {@link DataVersion} read before it ran: an answer computed while the data changed is keyed as old and never
 * served again. Every change drops all entries. Bounded by weight: rows x columns of the cached answers.
 * A hit skips the database altogether, and with it the concurrency gate around statements.
 */
public final class ResultCache {
    private static final ResultCache OFF = new ResultCache(null, null);

    private final DataVersion version;
    private final Cache<Key, QueryResult> entries;

    private ResultCache(DataVersion version, Cache<Key, QueryResult> entries) {
        this.version = version;
        this.entries = entries;
    }

    /**
     * @param maxCells the bound: the sum over entries of rows x columns (an answer larger than it is not kept)
     */
    public static ResultCache of(DataVersion version, long maxCells) {
        Cache<Key, QueryResult> entries = Caffeine.newBuilder().maximumWeight(maxCells)
                .weigher((Key key, QueryResult result) -> cells(key.statement(), result)).build();
        ResultCache cache = new ResultCache(version, entries);
        version.onChange(cache::clear);
        return cache;
    }

    /** A cache that never keeps anything: every answer runs its statement. */
    public static ResultCache off() {
        return OFF;
    }

    /** Runs a statement, or not: what may fail while running it. */
    @FunctionalInterface
    public interface Run {
        QueryResult run() throws Exception;
    }

    /**
     * @param result the rows (read-only when cached)
     * @param cached whether they came from the cache
     */
    public record Answer(QueryResult result, boolean cached) {
    }

    /** The cached answer of {@code statement} at the current data version, or null. */
    public QueryResult hit(SqlStatement statement) {
        return entries == null ? null : entries.getIfPresent(new Key(statement, version.current()));
    }

    /** The cached answer of {@code statement} at the current data version, else {@code run}'s, kept for the next. */
    public Answer get(SqlStatement statement, Run run) throws Exception {
        if (entries == null) {
            return new Answer(run.run(), false);
        }
        Key key = new Key(statement, version.current());
        QueryResult hit = entries.getIfPresent(key);
        if (hit != null) {
            return new Answer(hit, true);
        }
        QueryResult result = readOnly(run.run());
        entries.put(key, result);
        if (version.current() != key.version()) {
            entries.invalidate(key);   // the data moved during the run: nobody can ask for this key again
        }
        return new Answer(result, false);
    }

    /** Drops every entry (on each data change). */
    public void clear() {
        if (entries != null) {
            entries.invalidateAll();
        }
    }

    /** Rows x columns held now, after pending evictions: at most the bound. */
    public long weight() {
        if (entries == null) {
            return 0;
        }
        entries.cleanUp();
        return entries.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    private static int cells(SqlStatement statement, QueryResult result) {
        long cells = (long) result.rows().size() * Math.max(1, statement.columns().size());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, cells));
    }

    /** Rows shared between requests must not be changed by one of them ({@link Row}s cannot be). */
    private static QueryResult readOnly(QueryResult result) {
        if (result.rows().stream().allMatch(Row.class::isInstance)) {
            return result;
        }
        List<Map<String, Object>> rows = result.rows().stream().map(Collections::unmodifiableMap).toList();
        return new QueryResult(rows, result.truncated(), result.elapsed());
    }

    private record Key(SqlStatement statement, long version) {
    }
}
