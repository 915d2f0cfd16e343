package qoegraph.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;

/**
 * One file of the broken-file corpus and what ingesting it must do, known from how the file was built (never
 * from what the ingest reports).
 *
 * @param expected {@link Refused}, {@link Loads} or {@link RefusedOrBalanced}
 */
record BrokenFile(String name, byte[] content, Outcome expected) {

    sealed interface Outcome permits Refused, Loads, RefusedOrBalanced {
    }

    /** An IngestException whose message names the file and contains {@code problem}; nothing changes. */
    record Refused(String problem) implements Outcome {
    }

    /** Loaded: exactly these counts, and these physical lines (1 = header) in _rejects. */
    record Loads(String table, long linesRead, long loaded, TreeSet<Long> rejectedLines) implements Outcome {
    }

    /** Either refused (nothing changes) or loaded with lines read = loaded + rejected; -1: lines not known. */
    record RefusedOrBalanced(String table, long linesRead) implements Outcome {
    }

    /**
     * Builds a file line by line, keeping the physical line numbers of the lines that must be rejected. The
     * header is line 1.
     */
    static final class Builder {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TreeSet<Long> rejected = new TreeSet<>();
        private final String table;
        private final Charset charset;
        private long line;
        private long records;

        Builder(String table, String header) {
            this(table, header, StandardCharsets.UTF_8);
        }

        Builder(String table, String header, Charset charset) {
            this(table, header, charset, "\n");
        }

        Builder(String table, String header, Charset charset, String headerEnd) {
            this.table = table;
            this.charset = charset;
            raw(header.getBytes(charset));
            line = 1;
            end(headerEnd);
        }

        Builder good(String text) {
            return record(text, false, "\n");
        }

        Builder bad(String text) {
            return record(text, true, "\n");
        }

        /** A record with its own line end ("" for none: the file's cut-off last line). */
        Builder record(String text, boolean reject, String lineEnd) {
            return record(text.getBytes(charset), reject, lineEnd);
        }

        Builder record(byte[] text, boolean reject, String lineEnd) {
            line++;
            records++;
            if (reject) {
                rejected.add(line);
            }
            // a quoted line end inside the record: the next record starts further down
            line += new String(text, charset).chars().filter(c -> c == '\n').count();
            raw(text);
            end(lineEnd);
            return this;
        }

        Builder raw(byte[] text) {
            bytes.writeBytes(text);
            return this;
        }

        private void end(String lineEnd) {
            bytes.writeBytes(lineEnd.getBytes(charset));
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }

        BrokenFile loads(String name) {
            return new BrokenFile(name, bytes(), new Loads(table, records, records - rejected.size(), rejected));
        }

        BrokenFile refusedOrBalanced(String name) {
            return new BrokenFile(name, bytes(), new RefusedOrBalanced(table, records));
        }
    }
}
