package qoegraph.plan;

import java.time.LocalDateTime;
import java.util.List;
import qoegraph.query.DatePart;
import qoegraph.query.Granularity;

/**
 * The groups that {@code includeEmpty} adds: every combination of the members of each selected dimension, where
 * the members of a dimension are, by kind, the rows of a reference dataset (users, devices: their {@link Members}
 * plan keeps those the where filter's conditions on them keep), every period of a time granularity from the
 * filtered range's start to its end ({@link Spine}), every value of a date part ({@link Cycle}), or else the values
 * the answer's groups have. Groups that exist keep their values; added ones have counts and sums 0.
 *
 * @param seen the dimensions (indexes into the query's) whose members are the values the groups have
 */
public record Fill(List<Members> members, List<Spine> spines, List<Cycle> cycles, List<Integer> seen) {
    public Fill {
        members = List.copyOf(members);
        spines = List.copyOf(spines);
        cycles = List.copyOf(cycles);
        seen = List.copyOf(seen);
    }

    /**
     * Members of a reference dataset: {@code plan} groups it by the member dimensions (its dimension j is the
     * query's dimension {@code dimensions.get(j)}), filtered by the where conditions that only name them.
     */
    public record Members(Plan plan, List<Integer> dimensions) {
        public Members {
            dimensions = List.copyOf(dimensions);
        }
    }

    /**
     * Every bucket of a time dimension's granularity between two bounds: each side the where filter's bound on the
     * dimension when it has one (top-level conditions), else the earliest or latest group.
     *
     * @param lower null when the filter does not bound it from below
     * @param upper null when the filter does not bound it from above
     */
    public record Spine(int dimension, Granularity granularity, Bound lower, Bound upper) {
    }

    /** A time bound from the where filter, a naive UTC time; inclusive or not. */
    public record Bound(LocalDateTime utc, boolean inclusive) {
    }

    /** Every value of a date part, {@code from..to}. */
    public record Cycle(int dimension, DatePart part, int from, int to) {
        public static Cycle of(int dimension, DatePart part) {
            return switch (part) {
                case HOUR_OF_DAY -> new Cycle(dimension, part, 0, 23);
                case DAY_OF_WEEK -> new Cycle(dimension, part, 1, 7);
                case MONTH_OF_YEAR -> new Cycle(dimension, part, 1, 12);
            };
        }
    }
}
