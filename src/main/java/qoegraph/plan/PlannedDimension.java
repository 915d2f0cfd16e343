package qoegraph.plan;

import qoegraph.model.Dimension;
import qoegraph.query.SelectedDimension;

/** A selected dimension with its model definition. */
public record PlannedDimension(SelectedDimension selected, Dimension dimension) {
    public String key() {
        return selected.key();
    }
}
