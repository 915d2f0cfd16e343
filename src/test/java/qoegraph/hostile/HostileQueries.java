package qoegraph.hostile;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import qoegraph.hostile.FixtureRows.Session;
import qoegraph.hostile.FuzzCase.Expect;

/**
 * GraphQL documents (with variables) that are hostile at the GraphQL level: SQL and quoting in every string
 * argument, wrong types, unknown names, deep nesting, huge values, absurd limits, bad time zones. Each comes with
 * its expected answer; where the document is valid, the figure is counted in Java over {@link FixtureRows}.
 */
final class HostileQueries {

    /** A document, its variables (may be null) and what the answer must be. */
    record Call(String kind, String query, Map<String, Object> variables, String operationName, Expect expect) {
    }

    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();
    private static final List<String> STRING_FIELDS = List.of("isp", "browser");

    private final SplittableRandom random;
    private final int maxRows;

    HostileQueries(SplittableRandom random, int maxRows) {
        this.random = random;
        this.maxRows = maxRows;
    }

    Call next() {
        return switch (random.nextInt(16)) {
            case 0, 1, 2, 3 -> stringFilter();
            case 4 -> listFilter();
            case 5 -> combinedFilter();
            case 6 -> random.nextBoolean() ? report() : stringFilter();
            case 7 -> timezone();
            case 8 -> aliasOrOperationName();
            case 9 -> limits();
            case 10 -> wrongTypes();
            case 11 -> unknownNames();
            case 12 -> deepNesting();
            case 13 -> huge();
            case 14 -> oddNumbers();
            default -> oddDocuments();
        };
    }

    /** A valid query: {@code sessions(where: {isp: {op: value}}) { count }}, the value inline or a variable. */
    private Call stringFilter() {
        String field = pick(STRING_FIELDS);
        String op = pick(StringOps.SINGLE);
        String value = HostileStrings.any(random, 40);
        long expected = FixtureRows.count(s -> StringOps.test(op, column(s, field), value));
        return filter("string-filter", field + ": {" + op + ": %s}", "String!", value, expected);
    }

    private Call listFilter() {
        String field = pick(STRING_FIELDS);
        List<String> values = HostileStrings.list(random, 1 + random.nextInt(6));
        int kind = random.nextInt(3);
        if (kind == 2) {
            String low = values.get(0);
            String high = HostileStrings.any(random, 10);
            long expected = FixtureRows.count(s -> StringOps.between(column(s, field), low, high));
            return filter("between", field + ": {between: %s}", "[String!]", List.of(low, high), expected);
        }
        String op = kind == 0 ? "in" : "nin";
        Predicate<Session> match = s -> kind == 0 ? StringOps.in(column(s, field), values)
                : StringOps.notIn(column(s, field), values);
        return filter(op, field + ": {" + op + ": %s}", "[String!]", values, FixtureRows.count(match));
    }

    private Call combinedFilter() {
        String a = HostileStrings.any(random, 20);
        String b = HostileStrings.any(random, 20);
        String query = "query Q($a: String!, $b: String!) { sessions(where: {or: [{isp: {eq: $a}},"
                + " {not: {browser: {contains: $b}}}]}) { count } }";
        long expected = FixtureRows.count(s -> StringOps.test("eq", s.isp(), a)
                || (s.browser() != null && !s.browser().contains(b)));
        return new Call("combined-filter", query, vars("a", a, "b", b), null,
                Expect.result(Expect.count("sessions", expected)));
    }

    private Call filter(String kind, String where, String type, Object value, long expected) {
        return filter(kind, where, type, value, Expect.result(Expect.count("sessions", expected)));
    }

    private Call filter(String kind, String where, String type, Object value, Expect expect) {
        String query;
        Map<String, Object> variables = null;
        if (random.nextBoolean()) {
            query = "query Q($v: " + type + ") { sessions(where: {" + where.formatted("$v") + "}) { count } }";
            variables = vars("v", value);
        } else {
            query = "{ sessions(where: {" + where.formatted(literal(value)) + "}) { count } }";
        }
        return new Call(kind, query, variables, null, expect);
    }

    /** A report parameter: the users of a country that does not exist are none. */
    private Call report() {
        String country = HostileStrings.any(random, 20);
        long expected = FixtureRows.USERS.stream().filter(u -> u.country().equals(country)).count();
        String query = "query R($c: String) { reports { userRanking(country: $c) { userId country } } }";
        return new Call("report", query, vars("c", country), null, Expect.result(data -> {
            Object reports = data.get("reports");
            return reports instanceof Map<?, ?> map ? Expect.rows("userRanking", expected).apply(cast(map))
                    : "no reports in " + data;
        }));
    }

    /** Any Java zone id must work end to end (DuckDB's ICU must know it too); anything else is INVALID_TIMEZONE. */
    private Call timezone() {
        boolean known = random.nextBoolean();
        String zone = known ? pick(ZONES) : HostileStrings.any(random, 30);
        if (known || ZONES.contains(zone)) {
            String query = "query T($z: String) { traffic(timezone: $z) { ts(granularity: HOUR) count } }";
            return new Call("timezone", query, vars("z", zone), null, Expect.result(data -> {
                Object rows = data.get("traffic");
                long total = rows instanceof List<?> list ? list.stream()
                        .mapToLong(r -> ((Number) ((Map<?, ?>) r).get("count")).longValue()).sum() : -1;
                return total == FixtureRows.TRAFFIC_ROWS ? null : "counts add up to " + total + " in " + rows;
            }));
        }
        String query = "{ sessions(timezone: " + literal(zone) + ") { count } }";
        return new Call("bad-timezone", query, null, null, Expect.error());
    }

    private Call aliasOrOperationName() {
        String name = random.nextInt(3) == 0 ? "a" + random.nextInt(1000) : HostileStrings.any(random, 12);
        // Spliced into the document, a name may be surrounded by GraphQL's ignored characters; a comment or an
        // ignored character inside it makes the outcome hard to foresee, so only a clean answer is due then.
        String bare = name.replaceAll("^[ \t\r\n,\uFEFF]+|[ \t\r\n,\uFEFF]+$", "");
        boolean valid = NAME.matcher(bare).matches();
        Expect otherwise = bare.matches(".*[ \t\r\n,\uFEFF#].*") ? Expect.any() : Expect.error();
        long all = FixtureRows.SESSIONS.size();
        return switch (random.nextInt(3)) {
            case 0 -> new Call("alias", "{ " + name + ": sessions { count } }", null, null,
                    valid ? Expect.result(Expect.count(bare, all)) : otherwise);
            case 1 -> new Call("operation-name", "query " + name + " { sessions { count } }", null, null,
                    valid || bare.isEmpty() ? Expect.result(Expect.count("sessions", all)) : otherwise);
            default -> new Call("operationName", "query Good { sessions { count } } query Other { users { count } }",
                    null, name, name.equals("Good") ? Expect.result(Expect.count("sessions", all)) : Expect.error());
        };
    }

    /** limit and offset anywhere from absurdly negative to beyond Int; the page size is counted in Java. */
    private Call limits() {
        long[] edges = {Integer.MIN_VALUE, -1, 0, 1, 3, FixtureRows.SESSIONS.size() - 1, maxRows, maxRows + 1L,
                Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 1_000_000_000_000L};
        long limit = edges[random.nextInt(edges.length)];
        long offset = edges[random.nextInt(edges.length)];
        String query = "{ sessions(limit: " + limit + ", offset: " + offset + ") { stream isp browser } }";
        boolean valid = limit >= 0 && limit <= maxRows && offset >= 0 && offset <= Integer.MAX_VALUE;
        long groups = FixtureRows.distinctGroups();
        long expected = Math.max(0, Math.min(limit, groups - offset));
        return new Call("limits", query, null, null,
                valid ? Expect.result(Expect.rows("sessions", expected)) : Expect.error());
    }

    private Call wrongTypes() {
        String s = literal(HostileStrings.any(random, 10));
        List<String> queries = List.of(
                "{ sessions(limit: " + s + ") { count } }",
                "{ sessions(limit: 1.5) { count } }",
                "{ sessions(where: {stream: {eq: " + s + "}}) { count } }",
                "{ sessions(where: {isp: {eq: 5}}) { count } }",
                "{ sessions(where: {isp: {in: {a: 1}}}) { count } }",
                "{ sessions(where: {connected: {eq: " + s + "}}) { count } }",
                "{ sessions(where: {p2p: {gt: " + s + "}}) { count } }",
                "{ sessions(orderBy: " + s + ") { count } }",
                "{ sessions(timezone: 5) { count } }",
                "{ sessions(top: {n: " + s + ", by: count}) { isp count } }",
                "{ sessions(where: " + s + ") { count } }",
                "{ traffic(where: {ts: {gt: " + s + "}}) { count } }",
                "{ traffic(where: {ts: {inRange: [" + s + ", " + s + "]}}) { count } }",
                "{ reports { deviceLocations(device: " + s + ") { deviceId } } }",
                "{ sessions { count(window: " + s + ") } }");
        if (random.nextInt(4) == 0) {
            Object value = switch (random.nextInt(4)) {
                case 0 -> HostileStrings.any(random, 10);
                case 1 -> List.of(1, 2);
                case 2 -> Map.of("a", 1);
                default -> 1e300;
            };
            return new Call("wrong-variable", "query V($v: Int) { sessions(limit: $v) { count } }", vars("v", value),
                    null, Expect.error());
        }
        return new Call("wrong-type", pick(queries), null, null, Expect.error());
    }

    private Call unknownNames() {
        String name = "zz" + Integer.toString(random.nextInt(1 << 20), 36);
        List<String> queries = List.of(
                "{ " + name + " { count } }",
                "{ sessions { " + name + " } }",
                "{ sessions(" + name + ": 1) { count } }",
                "{ sessions(where: {" + name + ": {eq: 1}}) { count } }",
                "{ sessions(where: {isp: {" + name + ": \"x\"}}) { count } }",
                "{ sessions(orderBy: [{" + name + ": ASC}]) { isp count } }",
                "{ sessions(orderBy: [{isp: " + name.toUpperCase() + "}]) { isp count } }",
                "{ sessions(orderBy: [{field: " + literal(HostileStrings.any(random, 12)) + ", direction: ASC}]) { isp } }",
                "{ sessions(having: {selected: [{key: " + literal(HostileStrings.any(random, 12)) + ", gt: 0}]})"
                        + " { isp count } }",
                "{ sessions { count(window: {fn: " + name.toUpperCase() + "}) } }",
                "{ sessions { isp @" + name + " } }",
                "{ reports { " + name + " { x } } }",
                "{ catalog { " + name + " } }");
        return new Call("unknown-name", pick(queries), null, null, Expect.error());
    }

    /** Nesting from harmless to absurd; a shallow valid filter must be answered right. */
    private Call deepNesting() {
        int depth = random.nextInt(3) == 0 ? 1 + random.nextInt(20) : 1 + random.nextInt(5000);
        return switch (random.nextInt(5)) {
            case 0 -> {
                String query = "{ sessions(where: " + "{not: ".repeat(depth) + "{isp: {eq: \"BTP\"}}"
                        + "}".repeat(depth) + ") { count } }";
                long expected = FixtureRows.count(s -> depth % 2 == 0 ? s.isp().equals("BTP") : !s.isp().equals("BTP"));
                yield new Call("deep-not", query, null, null,
                        Expect.resultOrError(Expect.count("sessions", expected)));
            }
            case 1 -> new Call("deep-and", "{ sessions(where: " + "{and: [".repeat(depth) + "{isp: {eq: \"Fro\"}}"
                    + "]}".repeat(depth) + ") { count } }", null, null,
                    Expect.resultOrError(Expect.count("sessions", FixtureRows.count(s -> s.isp().equals("Fro")))));
            case 2 -> new Call("deep-selection", "{ sessions " + "{ isp ".repeat(depth + 1) + "}".repeat(depth + 2),
                    null, null, Expect.error());
            case 3 -> new Call("deep-list", "{ sessions(where: {isp: {in: " + "[".repeat(depth) + "\"x\""
                    + "]".repeat(depth) + "}}) { count } }", null, null, depth == 1
                    ? Expect.result(Expect.count("sessions", 0)) : Expect.error());
            default -> new Call("deep-variable", "query V($v: [String!]) { sessions(where: {isp: {in: $v}}) { count } }",
                    vars("v", nestedList(Math.min(depth, 900))), null, depth == 1
                    ? Expect.result(Expect.count("sessions", 0)) : Expect.error());
        };
    }

    private Call huge() {
        int length = random.nextInt(8) == 0 ? 1_000_000 + random.nextInt(1_000_000) : 10_000 + random.nextInt(100_000);
        if (random.nextBoolean()) {
            String value = HostileStrings.huge(random, length);
            String op = pick(List.of("eq", "contains", "startsWith", "endsWith", "gt", "lt"));
            long expected = FixtureRows.count(s -> StringOps.test(op, s.isp(), value));
            return filter("huge-string", "isp: {" + op + ": %s}", "String!", value,
                    Expect.resultOrError(Expect.count("sessions", expected)));
        }
        // Up to 2,000: past FilterChecker.MAX_LIST_VALUES (1,000) the answer is LIMIT_EXCEEDED, a clean error.
        List<String> values = HostileStrings.list(random, Math.min(length / 50, 2_000));
        values.add("BTP");
        long expected = FixtureRows.count(s -> values.contains(s.isp()));
        return filter("huge-list", "isp: {in: %s}", "[String!]", values,
                Expect.resultOrError(Expect.count("sessions", expected)));
    }

    /** Numbers at the edges of what the arguments allow: only a clean answer is required. */
    private Call oddNumbers() {
        String[] numbers = {"0", "-1", "-0.0", "1", "0.5", "1e308", "-1e308", "2147483647", "-2147483648", "1e-320"};
        String n = numbers[random.nextInt(numbers.length)];
        String i = numbers[random.nextInt(numbers.length)];
        List<String> queries = List.of(
                "{ sessions { p2p(bucketWidth: " + n + ") count } }",
                "{ sessions { cdn(logBase: " + n + ") count } }",
                "{ sessions { total(bucketWidth: " + n + ", logBase: " + n + ") count } }",
                "{ sessions { p2pQuantile(q: " + n + ") } }",
                "{ sessions { stream count(window: {fn: MOVING_AVERAGE, size: " + i + "}) } }",
                "{ sessions(top: {n: " + i + ", by: count, other: true}) { isp count } }",
                "{ sessions(where: {p2p: {gt: " + n + "}}) { count } }",
                "{ sessions(where: {stream: {eq: " + i + "}}) { count } }",
                "{ reports { deviceLocations(n: " + i + ", device: " + i + ") { deviceId } } }",
                "{ reports { streamHealth(minViewers: " + i + ") { stream } } }",
                "{ reports { httpVsHttps(nFr: " + i + ", nUk: " + i + ") { country } } }",
                "{ catalog { files { rejects(limit: " + i + ") { line } } } }");
        return new Call("odd-number", pick(queries), null, null, Expect.any());
    }

    private Call oddDocuments() {
        String s = literal(HostileStrings.any(random, 20));
        List<String> queries = List.of(
                "fragment A on SessionsRow { ...B } fragment B on SessionsRow { ...A } { sessions { ...A } }",
                "{ sessions { ...Missing } }",
                "query A { sessions { count } } query A { sessions { isp } }",
                "subscription { sessions { count } }",
                "mutation { ingest(path: " + s + ") }",
                "mutation { refreshRollups }",
                "{ sessions { count @skip(if: " + s + ") } }",
                "query ($v: String) { sessions(where: {isp: {eq: $undefined}}) { count } }",
                "{ sessions { count } ",
                "{ sessions(where: {isp: {eq: \"unterminated}}) { count } }",
                "{ sessions(where: {isp: {eq: \"\"\"" + HostileStrings.any(random, 20).replace("\"\"\"", "")
                        + "\"\"\"}}) { count } }",
                "{ __schema { types { name } } }",
                "{ __type(name: " + s + ") { name } }",
                "# " + HostileStrings.any(random, 30) + "\n",
                "{ sessions { count } } { sessions { count } }");
        String query = pick(queries);
        boolean valid = query.startsWith("{ __") || query.contains("\"\"\"");
        return new Call("odd-document", query, null, null, valid ? Expect.any() : Expect.error());
    }

    private static Object nestedList(int depth) {
        Object value = "x";
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    private static String column(Session s, String field) {
        return field.equals("isp") ? s.isp() : s.browser();
    }

    private static String literal(Object value) {
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(v -> items.add(literal(v)));
            return "[" + String.join(", ", items) + "]";
        }
        return HostileStrings.literal((String) value);
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
