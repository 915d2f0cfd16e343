package qoegraph.report;

import qoegraph.model.FieldType;

/**
 * A declared result column: {@code -- column: user_id Int | The user's id.}
 *
 * @param line the header line that declares it
 * @param replacedBy the SQL name of the column that replaces it when it is deprecated ({@code -- column: old Float
 *        deprecated new | ...}): still returned, marked deprecated in the schema; null otherwise
 */
public record ReportColumn(String name, FieldType type, String description, int line, String replacedBy) {

    public ReportColumn(String name, FieldType type, String description, int line) {
        this(name, type, description, line, null);
    }

    /** The GraphQL field name of the column that replaces this deprecated one; null when it is not deprecated. */
    public String replacedByField() {
        return replacedBy == null ? null : ReportNames.camel(replacedBy);
    }

    /** The GraphQL field name: the SQL name in camelCase. */
    public String fieldName() {
        return ReportNames.camel(name);
    }
}
