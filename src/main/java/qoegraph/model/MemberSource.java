package qoegraph.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the members of some dimensions come from when a query asks for empty groups too: another dataset of the
 * model (a reference table such as users or devices) that has them as dimensions. Every combination of the
 * member dataset's values is a group, with or without rows.
 *
 * @param dimensions this dataset's dimension name to the member dataset's dimension name, in file order
 */
public record MemberSource(String dataset, Map<String, String> dimensions) {
    public MemberSource {
        Objects.requireNonNull(dataset, "dataset");
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    }

    public boolean provides(String dimension) {
        return dimensions.containsKey(dimension);
    }
}
