package qoegraph.report;

import qoegraph.model.FieldType;

/**
 * A declared result column: {@code -- column: user_id Int | The user's id.}
 *
 * @param line the header line that declares it
 */
public record ReportColumn(String name, FieldType type, String description, int line) {

    /** The GraphQL field name: the SQL name in camelCase. */
    public String fieldName() {
        return ReportNames.camel(name);
    }
}
