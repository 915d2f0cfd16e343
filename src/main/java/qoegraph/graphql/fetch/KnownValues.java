package qoegraph.graphql.fetch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import qoegraph.cache.ResultCache;
import qoegraph.model.Dataset;
import qoegraph.model.Dimension;
import qoegraph.model.Model;
import qoegraph.query.Filter;
import qoegraph.query.Operator;
import qoegraph.query.Query;
import qoegraph.query.SelectedDimension;
import qoegraph.query.ValueCheck;
import qoegraph.sql.QueryResult;
import qoegraph.sql.SqlStatement;

/**
 * The known values of the low-cardinality ({@code categorical}) dimensions, read from the data with an ordinary
 * query (so a rollup serves it when one can, and the result cache keeps it until the data changes), for
 * {@code catalog} and for the warnings about filter values that match none of them.
 */
public final class KnownValues {
    /** A dimension with more distinct values than this is not listed (nor checked). */
    static final int MAX_VALUES = 1000;

    private final Model model;
    private final QueryWalk walk;
    private final ResultCache cache;

    public KnownValues(Model model, QueryWalk walk, ResultCache cache) {
        this.model = model;
        this.walk = walk;
        this.cache = cache;
    }

    /** Whether {@code <dataset>.<dimension>} names a categorical dimension of the model, whose values are known. */
    boolean lists(String datasetName, String dimensionName) {
        return model.dataset(datasetName).flatMap(d -> d.dimension(dimensionName)).map(Dimension::categorical)
                .orElse(false);
    }

    /** A categorical dimension's values, sorted; null for any other dimension or over {@link #MAX_VALUES}. */
    List<String> of(String datasetName, String dimensionName) {
        Dataset dataset = model.dataset(datasetName).orElse(null);
        Dimension dimension = dataset == null ? null : dataset.dimension(dimensionName).orElse(null);
        if (dimension == null || !dimension.categorical()) {
            return null;
        }
        Query query = Query.newQuery(datasetName).dimension(SelectedDimension.dimension(dimensionName))
                .where(Filter.compare(dimensionName, Operator.IS_NULL, false)).limit(MAX_VALUES).build();
        SqlStatement statement = walk.compiler().compile(walk.planner().plan(query));
        try {
            QueryResult result = cache.get(statement, () -> walk.runner().run(statement)).result();
            if (result.truncated()) {
                return null;
            }
            return result.rows().stream().map(r -> (String) r.get(dimensionName)).filter(Objects::nonNull).toList();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the values of " + datasetName + "." + dimensionName, e);
        }
    }

    /** Whether a query's filters compare text with a categorical dimension: they are then checked. */
    boolean checks(Query query) {
        return model.dataset(query.dataset())
                .map(d -> !ValueCheck.checkedDimensions(d, query).isEmpty()).orElse(false);
    }

    /** The warnings of a query's text filter values that match no known value, as response extensions. */
    List<Map<String, Object>> warnings(Query query) {
        Dataset dataset = model.dataset(query.dataset()).orElseThrow();
        if (ValueCheck.checkedDimensions(dataset, query).isEmpty()) {
            return List.of();
        }
        return asMaps(new ValueCheck(dataset, d -> of(query.dataset(), d)).check(query));
    }

    static List<Map<String, Object>> asMaps(List<ValueCheck.ValueWarning> warnings) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ValueCheck.ValueWarning w : warnings) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("code", "UNKNOWN_VALUE");
            map.put("message", w.message());
            map.put("path", w.path());
            map.put("value", w.value());
            map.put("closest", w.closest());
            out.add(map);
        }
        return out;
    }
}
