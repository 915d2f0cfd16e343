package qoegraph.plan;

import qoegraph.model.Metric;
import qoegraph.query.SelectedMetric;

/** A selected (or filtered / ranked-by) metric with its model definition and its q, if it takes one. */
public record PlannedMetric(SelectedMetric selected, Metric metric) {
    public String key() {
        return selected.key();
    }

    /** The quantile to compute: the model's fixed q, else the query's; null for non-quantile metrics. */
    public Double q() {
        return metric.quantile() != null ? metric.quantile() : selected.q();
    }
}
