package qoegraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {
    private static final String SOURCES = "tables:\n"
            + "  sessions:\n"
            + "    header: \"stream,p2p,cdn\"\n"
            + "    columns:\n"
            + "      - {name: stream, type: INTEGER}\n"
            + "      - {name: p2p, type: DOUBLE}\n"
            + "      - {name: cdn, type: DOUBLE}\n"
            + "  devices:\n"
            + "    header: \"id,os\"\n"
            + "    columns:\n"
            + "      - {name: id, type: INTEGER}\n"
            + "      - {name: os, type: VARCHAR}\n";

    @TempDir
    Path dir;

    @Test
    void theRepositoryModelLoads() {
        Model model = ModelLoader.load(Path.of("queries/model"));
        assertEquals(List.of("devices", "dnsRequests", "httpRequests", "locations", "sessions", "traffic", "users"),
                List.copyOf(model.datasets().keySet()));
        Dataset sessions = model.dataset("sessions").orElseThrow();
        assertEquals(List.of("stream", "isp", "browser", "connected", "p2p", "cdn", "total"),
                List.copyOf(sessions.dimensions().keySet()));
        for (String m : List.of("count", "connectedCount", "connectedShare", "p2pBytes", "cdnBytes", "totalBytes",
                "p2pShare", "meanP2pFraction", "p2pViewerCount", "avgTotalBytes", "totalQuantile", "p2pMedian")) {
            assertTrue(sessions.metrics().containsKey(m), m);
        }
        assertEquals(FieldType.INT, sessions.dimension("stream").orElseThrow().type());
        assertEquals(FieldType.FLOAT, sessions.dimension("total").orElseThrow().type());
        assertEquals(FieldType.LONG, sessions.metric("count").orElseThrow().type());
        assertEquals(Unit.SHARE, sessions.metric("p2pShare").orElseThrow().unit());
    }

    @Test
    void studyDatasetsHaveDeviceAndUserDimensionsAndTheirMetrics() {
        Model model = ModelLoader.load(Path.of("queries/model"));
        Dataset traffic = model.dataset("traffic").orElseThrow();
        for (String d : List.of("bytesIn", "dstPort", "deviceId", "devtype", "os", "shared", "userId", "country",
                "location", "ts")) {
            assertTrue(traffic.dimensions().containsKey(d), d);
        }
        for (String m : List.of("count", "bytesIn", "bytesOut", "bytes", "packets", "flows", "distinctDstIps",
                "devices", "users")) {
            assertTrue(traffic.metrics().containsKey(m), m);
        }
        assertEquals(FieldType.LONG, traffic.metric("bytesIn").orElseThrow().type());
        assertEquals(FieldType.DATE_TIME, traffic.dimension("ts").orElseThrow().type());
        assertEquals(Aggregation.COUNT_DISTINCT, traffic.metric("flows").orElseThrow().aggregation());
        assertTrue(model.dataset("dnsRequests").orElseThrow().metrics().containsKey("distinctQueries"));
        assertTrue(model.dataset("httpRequests").orElseThrow().dimensions().containsKey("reqUrlHost"));
        assertTrue(model.dataset("httpRequests").orElseThrow().metrics().containsKey("distinctHosts"));
        assertTrue(model.dataset("dnsRequests").orElseThrow().dimensions().containsKey("userReq"));
        assertEquals(FieldType.STRING_LIST, model.dataset("dnsRequests").orElseThrow().dimension("ansAddr").orElseThrow().type());
        assertTrue(model.dataset("locations").orElseThrow().metrics().containsKey("dwellSeconds"));
    }

    @Test
    void reaggregatableMetricsAreToldApart() {
        Dataset sessions = ModelLoader.load(Path.of("queries/model")).dataset("sessions").orElseThrow();
        assertTrue(sessions.reaggregatable(sessions.metric("p2pShare").orElseThrow()));
        assertTrue(sessions.reaggregatable(sessions.metric("avgTotalBytes").orElseThrow()));
        assertFalse(sessions.reaggregatable(sessions.metric("totalMedian").orElseThrow()));
        Dataset traffic = ModelLoader.load(Path.of("queries/model")).dataset("traffic").orElseThrow();
        assertFalse(traffic.reaggregatable(traffic.metric("flows").orElseThrow()));
    }

    @Test
    void joinDependenciesComeFromTheCondition() {
        Dataset locations = ModelLoader.load(Path.of("queries/model")).dataset("locations").orElseThrow();
        assertEquals(java.util.Set.of("device"), locations.join("owner").orElseThrow().dependsOn());
        assertEquals(List.of("device", "owner", "user"),
                JoinOrder.closure(locations, List.of("user")).stream().map(Join::name).toList());
    }

    @Test
    void aNewMetricIsOneYamlEntry() throws IOException {
        Path repo = Path.of("queries/model");
        write("sources.yml", Files.readString(repo.resolve("sources.yml")));
        write("datasets/sessions.yml", Files.readString(repo.resolve("datasets/sessions.yml"))
                + "  cdnOnlyViewerCount: {aggregation: count_if, sql: \"{p2p} = 0 AND {cdn} > 0\", unit: count, description: d}\n");
        Metric added = ModelLoader.load(dir).dataset("sessions").orElseThrow().metric("cdnOnlyViewerCount").orElseThrow();
        assertEquals(Aggregation.COUNT_IF, added.aggregation());
        assertEquals(FieldType.LONG, added.type());
        assertEquals("{p2p} = 0 AND {cdn} > 0", added.sql().toString());
    }

    @Test
    void everyErrorOfEveryFileIsReportedOnce() throws IOException {
        write("sources.yml", SOURCES);
        write("datasets/sessions.yml", "description: s\n"
                + "table: sessions\n"
                + "dimensions:\n"
                + "  stream: {column: stream, description: d}\n"
                + "  total: {sql: \"{p2p} + {cdnn}\", type: Float, description: d}\n"
                + "metrics:\n"
                + "  p2pBytes: {aggregation: sum, column: p2p, description: d}\n"
                + "  p2pShare: {aggregation: sum, sql: \"{p2pp}\", type: Float, description: d}\n"
                + "  share: {aggregation: ratio, numerator: p2pBytes, denominator: totl, description: d}\n"
                + "  avg: {aggregation: average, column: p2p, description: d}\n"
                + "  wide: {aggregation: sum, column: p2p, unit: byte, description: d}\n");
        write("datasets/other.yml", "description: o\n"
                + "table: session\n");
        write("datasets/joined.yml", "table: sessions\n"
                + "joins:\n"
                + "  device: {table: devices, sql: \"{device.idd} = {stream}\"}\n"
                + "dimensions:\n"
                + "  os: {sql: \"{devic.os}\", type: String, descripton: d}\n"
                + "  expr: {sql: \"{p2p} * 2\", description: d}\n");

        ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load(dir));

        assertEquals(List.of(
                "datasets/joined.yml: missing 'description'",
                "datasets/joined.yml: joins.device.sql: unknown column 'device.idd' (did you mean 'id'?)",
                "datasets/joined.yml: dimensions.os: unknown key 'descripton' (did you mean 'description'?)",
                "datasets/joined.yml: dimensions.os: missing 'description'",
                "datasets/joined.yml: dimensions.os.sql: unknown join 'devic' (did you mean 'device'?)",
                "datasets/joined.yml: dimensions.expr: missing 'type' (needed when it cannot be taken from a single column)",
                "datasets/other.yml: table: unknown table 'session' (did you mean 'sessions'?)",
                "datasets/sessions.yml: dimensions.total.sql: unknown column 'cdnn' (did you mean 'cdn'?)",
                "datasets/sessions.yml: metrics.p2pShare.sql: unknown column 'p2pp' (did you mean 'p2p'?)",
                "datasets/sessions.yml: metrics.avg.aggregation: unknown aggregation 'average';"
                        + " one of [count, count_if, count_distinct, sum, avg, min, max, stddev, quantile, ratio]",
                "datasets/sessions.yml: metrics.wide.unit: unknown unit 'byte' (did you mean 'bytes'?);"
                        + " one of [bytes, packets, seconds, share, count, degrees, none]",
                "datasets/sessions.yml: metrics.share.denominator: unknown metric 'totl'"), e.errors());
        assertTrue(e.getMessage().startsWith("model has 12 error(s):"));
    }

    @Test
    void sourcesYmlIsCheckedByTheSameReaderAsIngestUses() throws IOException {
        write("sources.yml", SOURCES + "  broken:\n"
                + "    header: \"a,b\"\n"
                + "    columns:\n"
                + "      - {name: a, type: INT4}\n");
        write("datasets/s.yml", "description: s\ntable: sessions\n"
                + "dimensions:\n  stream: {column: stream, description: d}\n");
        ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load(dir));
        assertEquals(List.of(
                "sources.yml: tables.broken.columns[0].type: unknown type 'INT4'",
                "sources.yml: tables.broken.header: has 2 fields but 1 columns are declared"), e.errors());
    }

    @Test
    void exactDecimalColumnsAreFloatsToClients() {
        assertEquals(FieldType.FLOAT, FieldType.fromSqlType("DECIMAL(18,6)").orElseThrow());
        assertEquals(FieldType.FLOAT, FieldType.fromSqlType("decimal(38, 18)").orElseThrow());
        Dataset sessions = ModelLoader.load(Path.of("queries/model")).dataset("sessions").orElseThrow();
        assertEquals(FieldType.FLOAT, sessions.dimensions().get("p2p").type());
        assertEquals(FieldType.FLOAT, sessions.metric("p2pBytes").orElseThrow().type());
        assertEquals(FieldType.FLOAT, sessions.metric("p2pMedian").orElseThrow().type());
    }

    @Test
    void badYamlAndDuplicateKeysAreErrorsToo() throws IOException {
        write("sources.yml", SOURCES);
        write("datasets/a.yml", "description: a\ntable: sessions\ntable: devices\n");
        write("datasets/b.yml", "description: [unclosed\n");
        ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load(dir));
        assertEquals(2, e.errors().size());
        assertTrue(e.errors().get(0).startsWith("datasets/a.yml: not valid YAML: "), e.errors().get(0));
        assertTrue(e.errors().get(1).startsWith("datasets/b.yml: not valid YAML: "), e.errors().get(1));
    }

    @Test
    void aRatioOfRatiosAndADerivedMetricClashAreRefused() throws IOException {
        write("sources.yml", SOURCES);
        write("datasets/s.yml", "description: s\n"
                + "table: sessions\n"
                + "dimensions:\n"
                + "  p2p: {column: p2p, distribution: true, description: d}\n"
                + "metrics:\n"
                + "  n: {aggregation: count, description: d}\n"
                + "  r: {aggregation: ratio, numerator: n, denominator: n, description: d}\n"
                + "  rr: {aggregation: ratio, numerator: r, denominator: n, description: d}\n"
                + "  p2pMedian: {aggregation: sum, column: p2p, description: d}\n");
        ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load(dir));
        assertEquals(List.of(
                "datasets/s.yml: metrics.rr.numerator: a ratio's parts must be plain metrics, 'r' is a ratio",
                "datasets/s.yml: metrics.p2pMedian: clashes with the metric derived from dimensions.p2p (distribution: true)"),
                e.errors());
    }

    @Test
    void membersCategoricalAndFormerNamesAreChecked() throws IOException {
        write("sources.yml", SOURCES);
        write("datasets/d.yml", "description: d\ntable: devices\ndimensions:\n"
                + "  deviceId: {column: id, description: d}\n  os: {column: os, categorical: true, description: d}\n");
        write("datasets/s.yml", "description: s\n"
                + "table: sessions\n"
                + "members:\n"
                + "  d: {stream: os, p2p: deviceId, missing: deviceId}\n"
                + "  nope: {stream: id}\n"
                + "dimensions:\n"
                + "  stream: {column: stream, categorical: true, description: d}\n"
                + "  p2p: {column: p2p, description: d}\n"
                + "  perRow: {column: cdn, formerly: p2p, description: d}\n"
                + "  when: {sql: \"now()\", type: DateTime, description: d}\n"
                + "metrics:\n"
                + "  n: {aggregation: count, description: d}\n");
        ModelException e = assertThrows(ModelException.class, () -> ModelLoader.load(dir));
        assertEquals(List.of(
                "datasets/s.yml: dimensions.stream.categorical: only String dimensions list their known values, this"
                        + " one is Int",
                "datasets/s.yml: members.d.missing: unknown dimension 'missing'",
                "datasets/s.yml: dimensions.perRow.formerly: 'p2p' is still a dimension",
                "datasets/s.yml: members.d.stream: stream is Int but d.os is String",
                "datasets/s.yml: members.d.p2p: p2p is Float but d.deviceId is Int",
                "datasets/s.yml: members.nope: unknown dataset 'nope'"), e.errors());
    }

    @Test
    void everyTimeHasItsFirstAndLastAndARenamedDimensionItsFormerNames() {
        Model model = ModelLoader.load(Path.of("queries/model"));
        Dataset traffic = model.dataset("traffic").orElseThrow();
        assertEquals(Aggregation.MIN, traffic.metric("tsMin").orElseThrow().aggregation());
        assertEquals(FieldType.DATE_TIME, traffic.metric("tsMax").orElseThrow().type());
        assertTrue(model.dataset("locations").orElseThrow().metric("exittimeMax").isPresent());
        assertEquals("binBytes", traffic.renamedDimensions().get("bytes"));
        assertEquals("binBytesMedian", traffic.renamedMetrics().get("bytesMedian"));
        assertEquals("staySeconds", model.dataset("locations").orElseThrow().renamedDimensions().get("dwellSeconds"));
        assertEquals(List.of("users", "devices"), traffic.members().stream().map(MemberSource::dataset).toList());
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
