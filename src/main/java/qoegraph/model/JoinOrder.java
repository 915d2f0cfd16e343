package qoegraph.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders joins so that each comes after the joins its condition names. */
public final class JoinOrder {
    private JoinOrder() {
    }

    /**
     * The joins {@code needed} plus everything they depend on, each after its dependencies, otherwise in
     * the dataset's declaration order.
     */
    public static List<Join> closure(Dataset dataset, Collection<String> needed) {
        Set<String> wanted = new LinkedHashSet<>();
        needed.forEach(name -> addWithDependencies(dataset.joins(), name, wanted));
        List<Join> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        boolean progress = true;
        while (ordered.size() < wanted.size() && progress) {
            progress = false;
            for (Join join : dataset.joins().values()) {
                if (wanted.contains(join.name()) && !placed.contains(join.name()) && placed.containsAll(join.dependsOn())) {
                    ordered.add(join);
                    placed.add(join.name());
                    progress = true;
                }
            }
        }
        return ordered;
    }

    private static void addWithDependencies(Map<String, Join> joins, String name, Set<String> into) {
        Join join = joins.get(name);
        if (join == null || !into.add(name)) {
            return;
        }
        join.dependsOn().forEach(d -> addWithDependencies(joins, d, into));
    }

    static void checkAcyclic(Section root, Map<String, Join> joins) {
        for (Join join : joins.values()) {
            if (reaches(joins, join.name(), join.name(), new LinkedHashSet<>())) {
                root.error("joins." + join.name() + ".sql", "joins depend on each other in a cycle");
            }
        }
    }

    private static boolean reaches(Map<String, Join> joins, String from, String target, Set<String> seen) {
        Join join = joins.get(from);
        if (join == null || !seen.add(from)) {
            return false;
        }
        for (String next : join.dependsOn()) {
            if (next.equals(target) || reaches(joins, next, target, seen)) {
                return true;
            }
        }
        return false;
    }
}
