package qoegraph.query;

/** The length of a time bucket; a bucket starts at the local start of the unit in the query's time zone. */
public enum Granularity {
    MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR;

    /** About how many minutes a bucket lasts (a month 30 days, a year 365), for estimates. */
    public long minutes() {
        return switch (this) {
            case MINUTE -> 1;
            case HOUR -> 60;
            case DAY -> 1_440;
            case WEEK -> 10_080;
            case MONTH -> 43_200;
            case QUARTER -> 129_600;
            case YEAR -> 525_600;
        };
    }

    /** Whether buckets are shorter than a day (they keep the UTC offset they started with). */
    public boolean isSubDay() {
        return this == MINUTE || this == HOUR;
    }
}
