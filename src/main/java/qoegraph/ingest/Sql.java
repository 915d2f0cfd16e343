package qoegraph.ingest;

/** Quoting for the few names and literals ingest pastes into SQL (table and column names from sources.yml, paths). */
final class Sql {

    private Sql() {
    }

    static String id(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }
}
