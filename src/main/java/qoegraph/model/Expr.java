package qoegraph.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A SQL expression from a model file, with its column references parsed out: {@code "{p2p} + {cdn}"}.
 * The text between references is trusted model text; the references are quoted by the SQL dialect when
 * the expression is rendered, so a model author never writes quoting and the loader can check every column.
 *
 * @param texts the literal pieces, always one more than {@code refs}
 * @param refs the column references in order
 */
public record Expr(List<String> texts, List<ColumnRef> refs) {
    public Expr {
        texts = List.copyOf(texts);
        refs = List.copyOf(refs);
        if (texts.size() != refs.size() + 1) {
            throw new IllegalArgumentException("texts must be one more than refs");
        }
    }

    /** An expression that is exactly one column. */
    public static Expr column(String column) {
        return new Expr(List.of("", ""), List.of(new ColumnRef(null, column)));
    }

    /**
     * Parses {@code {column}} and {@code {join.column}} references.
     *
     * @throws IllegalArgumentException with a readable message on an unbalanced brace or empty reference
     */
    public static Expr parse(String template) {
        Objects.requireNonNull(template, "template");
        List<String> texts = new ArrayList<>();
        List<ColumnRef> refs = new ArrayList<>();
        int pos = 0;
        while (true) {
            int open = template.indexOf('{', pos);
            int close = template.indexOf('}', pos);
            if (open < 0) {
                if (close >= 0) {
                    throw new IllegalArgumentException("unbalanced '}' in '" + template + "'");
                }
                texts.add(template.substring(pos));
                return new Expr(texts, refs);
            }
            int end = template.indexOf('}', open);
            if (end < 0 || (close >= 0 && close < open)) {
                throw new IllegalArgumentException("unbalanced braces in '" + template + "'");
            }
            texts.add(template.substring(pos, open));
            refs.add(parseRef(template.substring(open + 1, end).trim(), template));
            pos = end + 1;
        }
    }

    private static ColumnRef parseRef(String ref, String template) {
        if (!ref.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw new IllegalArgumentException("bad column reference '{" + ref + "}' in '" + template + "'");
        }
        int dot = ref.indexOf('.');
        return dot < 0 ? new ColumnRef(null, ref) : new ColumnRef(ref.substring(0, dot), ref.substring(dot + 1));
    }

    /** Whether the expression is one bare column reference. */
    public boolean isSingleColumn() {
        return refs.size() == 1 && texts.get(0).isBlank() && texts.get(1).isBlank();
    }

    /** Writes the expression, each reference rendered by {@code column}; wrapped in parentheses unless a bare column. */
    public String render(Function<ColumnRef, String> column) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < refs.size(); i++) {
            out.append(texts.get(i)).append(column.apply(refs.get(i)));
        }
        out.append(texts.get(refs.size()));
        String sql = out.toString().trim();
        return isSingleColumn() ? sql : "(" + sql + ")";
    }

    /** The template as written in the model file. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < refs.size(); i++) {
            out.append(texts.get(i)).append('{').append(refs.get(i)).append('}');
        }
        return out.append(texts.get(refs.size())).toString();
    }
}
