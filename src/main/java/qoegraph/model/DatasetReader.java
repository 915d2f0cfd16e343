package qoegraph.model;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Turns one parsed dataset file into a {@link Dataset}, reporting every problem with its key. */
final class DatasetReader {
    private static final Set<String> DATASET_KEYS = Set.of("name", "description", "table", "extra_columns",
            "joins", "participant_zone", "dimensions", "metrics");
    private static final Set<String> JOIN_KEYS = Set.of("table", "sql");
    private static final Set<String> DIMENSION_KEYS = Set.of("description", "column", "sql", "type", "unit",
            "distribution");
    private static final Set<String> METRIC_KEYS = Set.of("description", "aggregation", "column", "sql", "type",
            "unit", "numerator", "denominator", "q");
    private static final Set<String> ZONE_KEYS = Set.of("dimension", "zones", "fallback");

    private final Map<String, Map<String, String>> tables;

    DatasetReader(SourceTables sources) {
        this.tables = new LinkedHashMap<>();
        sources.all().forEach(t -> tables.put(t.name(), t.columnTypes()));
    }

    /** The dataset, or null when the file has errors (all of them reported). */
    Dataset read(String defaultName, Section root) {
        root.allowOnly(DATASET_KEYS);
        String name = root.has("name") ? root.optionalString("name") : defaultName;
        String description = root.string("description");
        String table = root.string("table");
        if (table != null && !tables.containsKey(table)) {
            root.error("table", "unknown table '" + table + "'" + Names.didYouMean(table, tables.keySet()));
            return null;
        }
        if (table == null) {
            return null;
        }
        Map<String, String> baseColumns = new LinkedHashMap<>(tables.get(table));
        baseColumns.putAll(root.strings("extra_columns"));
        Scope scope = new Scope(baseColumns);
        Map<String, Join> joins = readJoins(root, table, scope);
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        root.children("dimensions").forEach((n, s) -> put(dimensions, n, readDimension(n, s, scope)));
        Map<String, Metric> metrics = new LinkedHashMap<>();
        root.children("metrics").forEach((n, s) -> put(metrics, n, readMetric(n, s, scope)));
        checkRatios(root, metrics);
        DistributionMetrics.add(root, dimensions.values(), metrics);
        ParticipantZone zone = readZone(root, dimensions);
        if (description == null || name == null) {
            return null;
        }
        return new Dataset(name, description, table, joins, dimensions, metrics, zone);
    }

    private static <V> void put(Map<String, V> map, String name, V value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    private Map<String, Join> readJoins(Section root, String baseTable, Scope scope) {
        Map<String, Section> sections = root.children("joins");
        Map<String, Join> joins = new LinkedHashMap<>();
        for (Map.Entry<String, Section> e : sections.entrySet()) {
            Section s = e.getValue();
            s.allowOnly(JOIN_KEYS);
            String table = s.string("table");
            if (table != null && !tables.containsKey(table)) {
                s.error("table", "unknown table '" + table + "'" + Names.didYouMean(table, tables.keySet()));
            } else if (table != null) {
                scope.addJoin(e.getKey(), tables.get(table));
            }
            if (e.getKey().equals(baseTable)) {
                s.error("a join may not be named like the dataset's table '" + baseTable + "'");
            }
        }
        for (Map.Entry<String, Section> e : sections.entrySet()) {
            put(joins, e.getKey(), readJoin(e.getKey(), e.getValue(), scope));
        }
        JoinOrder.checkAcyclic(root, joins);
        return joins;
    }

    private Join readJoin(String name, Section s, Scope scope) {
        Expr on = expr(s, "sql", s.string("sql"));
        String table = s.optionalString("table");
        if (on == null || table == null || !tables.containsKey(table) || !scope.check(on, s, "sql")) {
            return null;
        }
        Set<String> dependsOn = new LinkedHashSet<>();
        on.refs().stream().filter(r -> !r.isBase() && !r.join().equals(name)).forEach(r -> dependsOn.add(r.join()));
        return new Join(name, table, on, dependsOn);
    }

    private Dimension readDimension(String name, Section s, Scope scope) {
        s.allowOnly(DIMENSION_KEYS);
        String description = s.string("description");
        Expr sql = rowExpr(s, true);
        if (sql == null || !scope.check(sql, s, s.has("column") ? "column" : "sql")) {
            return null;
        }
        FieldType type = type(s, scope, sql, null);
        Unit unit = unit(s);
        boolean distribution = s.bool("distribution");
        if (distribution && type != null && !type.isNumeric()) {
            s.error("distribution", "only numeric dimensions have distribution metrics, this one is " + type.graphqlName());
        }
        if (type == FieldType.ID && !scope.inferType(sql).map(FieldType::isIntegral).orElse(false)) {
            s.error("type", "ID is for whole-number identifier columns (INTEGER, BIGINT): their values go out as"
                    + " strings of digits and filters bind them back as numbers");
        }
        if (description == null || type == null || unit == null) {
            return null;
        }
        return new Dimension(name, description, type, unit, sql, distribution);
    }

    private Metric readMetric(String name, Section s, Scope scope) {
        s.allowOnly(METRIC_KEYS);
        String description = s.string("description");
        Aggregation aggregation = aggregation(s);
        Unit unit = unit(s);
        if (aggregation == null) {
            return null;
        }
        Expr sql = metricExpr(s, aggregation);
        if (sql != null && !scope.check(sql, s, s.has("column") ? "column" : "sql")) {
            return null;
        }
        Double q = quantile(s, aggregation);
        FieldType type = type(s, scope, sql, MetricTypes.defaultType(aggregation, sql, scope));
        if (description == null || type == null || unit == null) {
            return null;
        }
        return new Metric(name, description, type, unit, aggregation, sql,
                s.optionalString("numerator"), s.optionalString("denominator"), q);
    }

    private Expr metricExpr(Section s, Aggregation aggregation) {
        boolean ratio = aggregation == Aggregation.RATIO;
        if (ratio) {
            s.string("numerator");
            s.string("denominator");
            if (s.has("sql") || s.has("column")) {
                s.error("a ratio takes 'numerator' and 'denominator', not 'sql'");
            }
            return null;
        }
        if (s.has("numerator") || s.has("denominator")) {
            s.error("'numerator' and 'denominator' are for aggregation: ratio");
        }
        return rowExpr(s, aggregation != Aggregation.COUNT);
    }

    private static Double quantile(Section s, Aggregation aggregation) {
        Double q = s.number("q");
        if (q != null && aggregation != Aggregation.QUANTILE) {
            s.error("q", "'q' is for aggregation: quantile");
        }
        if (q != null && (q < 0 || q > 1)) {
            s.error("q", "q must be between 0 and 1, got " + q);
        }
        return q;
    }

    /** The {@code column:} or {@code sql:} of an entry; exactly one of them. */
    private static Expr rowExpr(Section s, boolean required) {
        if (s.has("column") && s.has("sql")) {
            s.error("give either 'column' or 'sql', not both");
            return null;
        }
        if (s.has("column")) {
            String column = s.optionalString("column");
            return column == null ? null : expr(s, "column", "{" + column + "}");
        }
        if (s.has("sql")) {
            return expr(s, "sql", s.optionalString("sql"));
        }
        if (required) {
            s.error("missing 'column' or 'sql'");
        }
        return null;
    }

    private static Expr expr(Section s, String key, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Expr.parse(text);
        } catch (IllegalArgumentException e) {
            s.error(key, e.getMessage());
            return null;
        }
    }

    private static FieldType type(Section s, Scope scope, Expr sql, FieldType fallback) {
        String declared = s.optionalString("type");
        if (declared != null) {
            FieldType type = FieldType.fromGraphqlName(declared).orElse(null);
            if (type == null) {
                s.error("type", "unknown type '" + declared + "'" + Names.didYouMean(declared, graphqlNames()));
            }
            return type;
        }
        if (fallback != null) {
            return fallback;
        }
        FieldType inferred = sql == null ? null : scope.inferType(sql).orElse(null);
        if (inferred == null) {
            s.error("missing 'type' (needed when it cannot be taken from a single column)");
        }
        return inferred;
    }

    private static Set<String> graphqlNames() {
        Set<String> names = new LinkedHashSet<>();
        for (FieldType t : FieldType.values()) {
            names.add(t.graphqlName());
        }
        return names;
    }

    private static Unit unit(Section s) {
        String declared = s.optionalString("unit");
        if (declared == null) {
            return Unit.NONE;
        }
        Unit unit = Unit.fromYamlName(declared).orElse(null);
        if (unit == null) {
            Set<String> names = new LinkedHashSet<>();
            for (Unit u : Unit.values()) {
                names.add(u.yamlName());
            }
            s.error("unit", "unknown unit '" + declared + "'" + Names.didYouMean(declared, names)
                    + "; one of " + names);
        }
        return unit;
    }

    private static Aggregation aggregation(Section s) {
        String declared = s.string("aggregation");
        if (declared == null) {
            return null;
        }
        Aggregation aggregation = Aggregation.fromYamlName(declared).orElse(null);
        if (aggregation == null) {
            Set<String> names = new LinkedHashSet<>();
            for (Aggregation a : Aggregation.values()) {
                names.add(a.yamlName());
            }
            s.error("aggregation", "unknown aggregation '" + declared + "'" + Names.didYouMean(declared, names)
                    + "; one of " + names);
        }
        return aggregation;
    }

    private static void checkRatios(Section root, Map<String, Metric> metrics) {
        for (Metric m : metrics.values()) {
            if (m.aggregation() != Aggregation.RATIO) {
                continue;
            }
            checkRatioPart(root, m, "numerator", m.numerator(), metrics);
            checkRatioPart(root, m, "denominator", m.denominator(), metrics);
        }
    }

    private static void checkRatioPart(Section root, Metric ratio, String key, String part, Map<String, Metric> metrics) {
        String place = "metrics." + ratio.name() + "." + key;
        Metric target = part == null ? null : metrics.get(part);
        if (part != null && target == null) {
            root.error(place, "unknown metric '" + part + "'" + Names.didYouMean(part, metrics.keySet()));
        } else if (target != null && (target.aggregation() == Aggregation.RATIO || target.takesQuantile())) {
            root.error(place, "a ratio's parts must be plain metrics, '" + part + "' is a "
                    + target.aggregation().yamlName() + (target.takesQuantile() ? " that takes q" : ""));
        }
    }

    private static ParticipantZone readZone(Section root, Map<String, Dimension> dimensions) {
        if (!root.has("participant_zone")) {
            return null;
        }
        Section s = root.child("participant_zone");
        s.allowOnly(ZONE_KEYS);
        String dimension = s.string("dimension");
        if (dimension != null && !dimensions.containsKey(dimension)) {
            s.error("dimension", "unknown dimension '" + dimension + "'" + Names.didYouMean(dimension, dimensions.keySet()));
        }
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        s.strings("zones").forEach((value, zone) -> put(zones, value, zone(s, "zones." + value, zone)));
        ZoneId fallback = s.has("fallback") ? zone(s, "fallback", s.optionalString("fallback")) : ZoneId.of("UTC");
        if (dimension == null || !dimensions.containsKey(dimension) || fallback == null) {
            return null;
        }
        return new ParticipantZone(dimension, zones, fallback);
    }

    private static ZoneId zone(Section s, String key, String zone) {
        if (zone == null || !ZoneId.getAvailableZoneIds().contains(zone)) {
            s.error(key, "unknown time zone '" + zone + "'" + Names.didYouMean(String.valueOf(zone), ZoneId.getAvailableZoneIds()));
            return null;
        }
        return ZoneId.of(zone);
    }
}
