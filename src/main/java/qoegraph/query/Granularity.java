package qoegraph.query;

/** The length of a time bucket; a bucket starts at the local start of the unit in the query's time zone. */
public enum Granularity {
    MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR;

    /** Whether buckets are shorter than a day (they keep the UTC offset they started with). */
    public boolean isSubDay() {
        return this == MINUTE || this == HOUR;
    }
}
