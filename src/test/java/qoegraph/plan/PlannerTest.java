package qoegraph.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static qoegraph.query.SelectedDimension.dimension;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import qoegraph.model.Join;
import qoegraph.model.Model;
import qoegraph.model.ModelLoader;
import qoegraph.query.DatePart;
import qoegraph.query.Filter;
import qoegraph.query.Operator;
import qoegraph.query.Query;
import qoegraph.query.Top;

class PlannerTest {
    private static final Model MODEL = ModelLoader.load(Path.of("queries/model"));
    private final Planner planner = new Planner(MODEL);

    private List<String> joins(Query.Builder query) {
        return planner.plan(query.build()).joins().stream().map(Join::name).toList();
    }

    private static Query.Builder traffic() {
        return Query.newQuery("traffic");
    }

    @Test
    void aQueryReadsItsDatasetsTable() {
        Plan plan = planner.plan(Query.newQuery("sessions").dimensions("isp").metrics("count").build());
        assertEquals(new Source.Table("sessions"), plan.source());
        assertEquals("table", plan.source().kind());
        assertEquals(List.of(), plan.joins());
        assertTrue(plan.timeZone().isUtc());
    }

    @Test
    void onlyTheJoinsAQueryUsesAreWritten() {
        assertEquals(List.of(), joins(traffic().dimensions("deviceId", "dstPort").metrics("bytes", "users")));
        assertEquals(List.of("user"), joins(traffic().dimensions("country").metrics("bytes")));
        assertEquals(List.of("device"), joins(traffic().metrics("bytes").where(Filter.eq("devtype", "phone"))));
        assertEquals(List.of("device", "stay"), joins(traffic().dimensions("location").metrics("count")
                .where(Filter.not(Filter.compare("os", Operator.IN, List.of("ios"))))));
    }

    @Test
    void aJoinBringsTheJoinsItsConditionNamesFirst() {
        assertEquals(List.of("device", "owner", "user"), joins(Query.newQuery("locations").dimensions("userCountry")
                .metrics("dwellSeconds")));
        assertEquals(List.of("device", "owner"), joins(Query.newQuery("locations").dimensions("name").metrics("count")
                .having(Filter.compare("users", Operator.GT, 1))));
        assertEquals(List.of("device", "owner"), joins(Query.newQuery("locations").dimensions("deviceId", "name")
                .metrics("count").top(new Top(3, "users", List.of("deviceId"), true))));
    }

    @Test
    void participantTimeJoinsTheOwnerOnlyWhenATimeIsShown() {
        assertEquals(List.of("user"), joins(traffic().dimension(dimension("ts").part(DatePart.HOUR_OF_DAY))
                .metrics("bytes").timezone(Query.PARTICIPANT)));
        assertEquals(List.of(), joins(traffic().dimensions("deviceId").metrics("bytes").timezone(Query.PARTICIPANT)));
        Plan plan = planner.plan(traffic().metrics("count").timezone(Query.PARTICIPANT).build());
        assertTrue(plan.timeZone().isParticipant());
        assertEquals("country", plan.timeZone().participantDimension().name());
        assertEquals(ZoneId.of("Europe/London"), plan.timeZone().participant().zones().get("uk"));
    }

    @Test
    void havingAndTopNameAnOutputKeyOrADatasetMetric() {
        Plan plan = planner.plan(Query.newQuery("sessions").dimensions("isp")
                .metric(qoegraph.query.SelectedMetric.metric("totalQuantile").q(0.9).as("p90")).build());
        assertEquals(0.9, plan.metric("p90").q());
        assertEquals("p2pBytes", plan.metric("p2pBytes").metric().name());
        assertEquals("isp", plan.dimension("isp").orElseThrow().dimension().name());
    }
}
