package qoegraph.rollup;

import java.nio.file.Path;
import qoegraph.plan.RollupDeclaration;

/**
 * A loaded rollup file: its declaration and the SELECT that builds it.
 *
 * @param sqlLine the file line the SELECT starts on, for messages
 */
public record RollupDefinition(RollupDeclaration rollup, String sql, Path file, int sqlLine) {
}
