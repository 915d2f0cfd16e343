package qoegraph.query;

/** A cyclic part of a local time: hour of day 0..23, ISO day of week 1 (Monday)..7, month of year 1..12. */
public enum DatePart {
    HOUR_OF_DAY, DAY_OF_WEEK, MONTH_OF_YEAR
}
