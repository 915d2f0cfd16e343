package qoegraph.plan;

import java.util.List;

/** The rollups a planner may read: only built ones, with their size so the smallest can be chosen. */
public interface BuiltRollups {
    BuiltRollups NONE = dataset -> List.of();

    /** The built rollups of a dataset. */
    List<Built> built(String dataset);

    /** A rollup whose table exists, with its row count. */
    record Built(RollupDeclaration rollup, long rows) {
    }
}
