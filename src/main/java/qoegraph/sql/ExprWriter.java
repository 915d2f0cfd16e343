package qoegraph.sql;

import qoegraph.model.Expr;

/** Writes model expressions: {@code {p2p}} becomes {@code "sessions"."p2p"}, {@code {device.os}} {@code "device"."os"}. */
final class ExprWriter {
    private final SqlDialect dialect;
    private final String baseRelation;

    ExprWriter(SqlDialect dialect, String baseRelation) {
        this.dialect = dialect;
        this.baseRelation = baseRelation;
    }

    SqlFragment write(Expr expr) {
        return SqlFragment.text(expr.render(ref -> dialect.column(ref.isBase() ? baseRelation : ref.join(), ref.column())));
    }
}
