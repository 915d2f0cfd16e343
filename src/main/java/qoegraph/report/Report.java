package qoegraph.report;

import qoegraph.model.FieldType;
import qoegraph.sql.OutputColumn;
import qoegraph.sql.SqlStatement;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One report file: its declared name, parameters and columns, and its SQL with every {@code :name} already
 * rewritten to a typed {@code ?}. {@link #bind} turns argument values into a statement for the runner.
 *
 * @param sql        the statement, placeholders only
 * @param paramOrder the parameter name of each placeholder, in text order (repeats included)
 * @param sqlLine    the file line the statement starts on
 */
public record Report(String name, String description, Path file, List<ReportParameter> parameters,
                     List<ReportColumn> columns, String sql, List<String> paramOrder, int sqlLine) {
    public Report {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
        paramOrder = List.copyOf(paramOrder);
    }

    /**
     * The statement for these argument values (keyed by SQL parameter name; a missing key takes the default).
     *
     * @throws ReportArgumentException for a value outside its declared range or a null where one is needed
     */
    public SqlStatement bind(Map<String, Object> values, int limit) {
        Map<String, Object> resolved = new java.util.LinkedHashMap<>();
        for (ReportParameter p : parameters) {
            Object value = values.containsKey(p.name()) ? values.get(p.name()) : p.defaultValue();
            resolved.put(p.name(), check(p, value));
        }
        List<Object> params = new ArrayList<>();
        paramOrder.forEach(n -> params.add(resolved.get(n)));
        List<OutputColumn> output = columns.stream()
                .map(c -> new OutputColumn(c.fieldName(), c.type(), c.type() == FieldType.DATE_TIME ? ZoneOffset.UTC : null))
                .toList();
        return new SqlStatement(sql, params, output, limit);
    }

    private Object check(ReportParameter p, Object value) {
        if (value == null) {
            if (p.defaultValue() != null) {
                throw new ReportArgumentException(p.argumentName() + " must not be null; omit it to use the default "
                        + p.defaultValue());
            }
            return null;
        }
        if (value instanceof Number n && !p.rangeText().isEmpty()) {
            double d = n.doubleValue();
            if ((p.min() != null && d < p.min()) || (p.max() != null && d > p.max())) {
                throw new ReportArgumentException(p.argumentName() + " is " + value + " but must be in "
                        + p.rangeText() + (p.optional() ? " (default " + p.defaultValue() + ")" : ""));
            }
        }
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return value;
    }
}
