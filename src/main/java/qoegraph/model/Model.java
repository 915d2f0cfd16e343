package qoegraph.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** All datasets, as loaded by {@link ModelLoader}. Immutable. */
public record Model(Map<String, Dataset> datasets) {
    public Model {
        datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    }

    public Optional<Dataset> dataset(String name) {
        return Optional.ofNullable(datasets.get(name));
    }
}
