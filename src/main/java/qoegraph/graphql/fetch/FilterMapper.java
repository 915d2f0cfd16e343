package qoegraph.graphql.fetch;

import qoegraph.graphql.schema.DatasetInputs;
import qoegraph.query.Filter;
import qoegraph.query.Operator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns a {@code where} or {@code having} argument into the engine's filter tree: the fields of one object
 * and the operators of one field are ANDed; {@code and}/{@code or}/{@code not} nest. The schema allows
 * only known fields and operators, so every key here is one the engine knows, once a deprecated former name is
 * turned into the name ({@code names}).
 */
final class FilterMapper {
    private final UnaryOperator<String> names;

    /** @param names a field's name for its key: the key itself, or the name a deprecated key now has */
    FilterMapper(UnaryOperator<String> names) {
        this.names = names;
    }

    /** Without renamed fields. */
    static Filter map(Map<String, Object> input) {
        return new FilterMapper(UnaryOperator.identity()).filter(input);
    }

    Filter filter(Map<String, Object> input) {
        List<Filter> parts = new ArrayList<>();
        input.forEach((key, value) -> {
            if (value != null) {
                parts.add(entry(key, value));
            }
        });
        return parts.size() == 1 ? parts.get(0) : new Filter.And(parts, true);
    }

    @SuppressWarnings("unchecked")
    private Filter entry(String key, Object value) {
        switch (key) {
            case "and":
                return new Filter.And(list((List<Map<String, Object>>) value));
            case "or":
                return new Filter.Or(list((List<Map<String, Object>>) value));
            case "not":
                return new Filter.Not(filter((Map<String, Object>) value));
            case DatasetInputs.SELECTED:
                return new Filter.And(((List<Map<String, Object>>) value).stream().map(FilterMapper::selected).toList(),
                        true);
            default:
                return operators(names.apply(key), (Map<String, Object>) value);
        }
    }

    private List<Filter> list(List<Map<String, Object>> inputs) {
        return inputs.stream().map(this::filter).toList();
    }

    /** {@code {key: "p95", gt: 100}}: the operators apply to the selected metric with that output key. */
    private static Filter selected(Map<String, Object> input) {
        Map<String, Object> operators = new LinkedHashMap<>(input);
        String key = (String) operators.remove("key");
        return operators(key, operators);
    }

    private static Filter operators(String field, Map<String, Object> operators) {
        List<Filter> compares = new ArrayList<>();
        operators.forEach((name, value) -> compares.add(new Filter.Compare(field, operator(name), value)));
        return compares.size() == 1 ? compares.get(0) : new Filter.And(compares, true);
    }

    private static Operator operator(String name) {
        return Operator.fromApiName(name).orElseThrow(() -> new IllegalStateException("schema offers unknown operator " + name));
    }
}
