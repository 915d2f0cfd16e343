package qoegraph.ingest;

import qoegraph.sql.SqlDialect;

/** Quoting for the few names and literals ingest pastes into SQL (table and column names from sources.yml, paths). */
final class Sql {

    private Sql() {
    }

    /** The standard identifier quoting that the SQL walk and the catalog use too: one place writes it. */
    static String id(String name) {
        return SqlDialect.standardQuote(name);
    }

    static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }
}
