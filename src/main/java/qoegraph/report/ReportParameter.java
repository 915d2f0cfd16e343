package qoegraph.report;

import qoegraph.model.FieldType;

/**
 * A declared report parameter: {@code -- param: n Int = 3 range 1..50 | How many locations.}
 *
 * @param defaultValue the default when the argument is omitted (may be null); meaningless unless {@code optional}
 * @param optional     whether a default was declared (the GraphQL argument is then nullable)
 * @param min          inclusive lower bound for numbers, or null
 * @param max          inclusive upper bound for numbers, or null
 * @param line         the header line that declares it
 * @param values       {@code <dataset>.<dimension>} whose known values a String argument is checked against (a value
 *                     that matches none gets a warning); null when unchecked
 */
public record ReportParameter(String name, FieldType type, Object defaultValue, boolean optional, Double min,
                              Double max, String description, int line, String values) {

    public ReportParameter(String name, FieldType type, Object defaultValue, boolean optional, Double min, Double max,
                           String description, int line) {
        this(name, type, defaultValue, optional, min, max, description, line, null);
    }

    /** The GraphQL argument name: the SQL name in camelCase ({@code n_fr} becomes {@code nFr}). */
    public String argumentName() {
        return ReportNames.camel(name);
    }

    /** What the header says about the range, for the docs and for error messages; empty when unbounded. */
    public String rangeText() {
        if (min == null && max == null) {
            return "";
        }
        return (min == null ? "" : number(min)) + ".." + (max == null ? "" : number(max));
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
