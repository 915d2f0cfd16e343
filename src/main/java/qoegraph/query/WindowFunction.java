package qoegraph.query;

/**
 * A window over the result groups. Ranks order by the metric, highest first; the running functions order
 * by the selected time dimension when there is one.
 */
public enum WindowFunction {
    RANK, DENSE_RANK, ROW_NUMBER,
    /** value / partition total. */
    SHARE,
    CUMULATIVE_SUM,
    /** running total / partition total. */
    CUMULATIVE_SHARE,
    /** mean of this row and the {@code size - 1} rows before it. */
    MOVING_AVERAGE,
    /** value - previous value. */
    DIFFERENCE,
    /** (value - previous) / previous, as a fraction: 0.25 is +25 %. */
    PERCENT_CHANGE;

    /** Whether the function ranks rows by value (rather than running along the row order). */
    public boolean isRanking() {
        return this == RANK || this == DENSE_RANK || this == ROW_NUMBER;
    }
}
