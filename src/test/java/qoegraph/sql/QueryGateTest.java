package qoegraph.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The cap on statements at once: a turn each, a short wait beyond the cap, then busy. */
class QueryGateTest {

    @Test
    void beyondTheCapAStatementIsToldHowManyRunAndToRetry() {
        QueryGate gate = new QueryGate(2, Duration.ZERO);
        try (QueryGate.Turn a = gate.enter(); QueryGate.Turn b = gate.enter()) {
            QueryBusyException busy = assertThrows(QueryBusyException.class, gate::enter);
            assertEquals(2, busy.running());
            assertEquals("the server is busy: 2 queries are running, the most it runs at once, and none finished"
                    + " within 0 ms; retry in a moment", busy.getMessage());
        }
        assertEquals(0, gate.running());
    }

    @Test
    void aTurnGivenBackServesTheNextStatementOnce() {
        QueryGate gate = new QueryGate(1, Duration.ZERO);
        QueryGate.Turn turn = gate.enter();
        turn.close();
        turn.close();
        assertEquals(0, gate.running());
        try (QueryGate.Turn next = gate.enter()) {
            assertEquals(1, gate.running());
            assertThrows(QueryBusyException.class, gate::enter);
        }
    }

    @Test
    void aWaitingStatementRunsWhenATurnIsGivenBack() throws Exception {
        QueryGate gate = new QueryGate(1, Duration.ofMinutes(1));
        QueryGate.Turn first = gate.enter();
        CompletableFuture<QueryGate.Turn> second = CompletableFuture.supplyAsync(gate::enter);
        while (gate.waiting() == 0) {
            Thread.onSpinWait();
        }
        first.close();
        try (QueryGate.Turn turn = second.get(1, TimeUnit.MINUTES)) {
            assertEquals(1, gate.running());
        }
        assertEquals(0, gate.running());
    }

    @Test
    void theUnlimitedGateNeverSaysBusy() {
        QueryGate gate = QueryGate.unlimited();
        for (int i = 0; i < 1000; i++) {
            gate.enter();
        }
        assertEquals(1000, gate.running());
        assertTrue(gate.maxConcurrent() > 1000);
    }
}
