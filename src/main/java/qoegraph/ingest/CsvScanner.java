package qoegraph.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Counts a CSV file's records in Java, independently of DuckDB, with the same quoting rules as DuckDB's
 * strict reader (RFC 4180: a quote opens a field only at its start, {@code ""} inside quotes is a quote).
 * It also notes blank lines (DuckDB skips them silently), records with a missing value (an empty unquoted
 * field, i.e. NULL, in a column not declared {@code nullable}, or too few fields), multi-line records and
 * stray carriage returns. One pass, no allocation per record; the byte loop is the hot path. On request it also
 * collects the distinct values of chosen fields ({@link FieldValues}), which a lowCardinality column's ENUM must
 * hold before the file loads.
 */
final class CsvScanner {

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;
    private static final int AFTER_QUOTE = 4;
    private static final int MAX_HEADER = 1 << 20;
    private static final boolean[] SPECIAL = new boolean[256];

    static {
        SPECIAL['"'] = true;
        SPECIAL[','] = true;
        SPECIAL['\n'] = true;
        SPECIAL['\r'] = true;
    }

    private static final boolean[] NONE_NULLABLE = new boolean[0];
    private static final boolean[] NONE = new boolean[0];

    private final LongPredicate capture;
    private final boolean[] nullable;
    private final FieldValues[] collect;
    private byte[] carry = new byte[64];
    private int carried;
    private int fieldStart;
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private final BitSet blank = new BitSet();
    private final BitSet incomplete = new BitSet();
    private final LineMap lineMap = new LineMap();
    private final Map<Long, String> captured = new HashMap<>();
    private final ByteArrayOutputStream captureBuffer = new ByteArrayOutputStream();

    private boolean inHeader = true;
    private int expectedFields;
    private int state = FIELD_START;
    private int fields;
    private boolean missingValue;
    private boolean pendingCr;
    private boolean crlf;
    private boolean capturing;
    private int captureFrom;
    private long physicalLine = 1;
    private long recordStartPhysical = 2;
    private long duckLine = 2;
    private long records;
    private long lastLine;
    private int lastFields;
    private long loneCrLine;

    private CsvScanner(LongPredicate capture, boolean[] nullable, boolean[] collect) {
        this.capture = capture;
        this.nullable = nullable;
        this.collect = new FieldValues[collect.length];
        for (int i = 0; i < collect.length; i++) {
            this.collect[i] = collect[i] ? new FieldValues() : null;
        }
    }

    /** Scans with every column required: any NULL makes a record incomplete. */
    static ScanResult scan(InputStream in) throws IOException {
        return scan(in, NONE_NULLABLE);
    }

    /** Scans; {@code nullable[i]} says field i may be NULL without making its record incomplete. */
    static ScanResult scan(InputStream in, boolean[] nullable) throws IOException {
        return scan(in, nullable, NONE);
    }

    /** Scans, and collects the distinct values of every field i with {@code collect[i]}. */
    static ScanResult scan(InputStream in, boolean[] nullable, boolean[] collect) throws IOException {
        return new CsvScanner(null, nullable, collect).run(in);
    }

    /** Scans and keeps the raw text of the records whose DuckDB line satisfies {@code capture}. */
    static ScanResult scanCapturing(InputStream in, LongPredicate capture) throws IOException {
        return new CsvScanner(capture, NONE_NULLABLE, NONE).run(in);
    }

    private ScanResult run(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            int from = 0;
            if (inHeader) {
                from = header(buffer, n);
                // the first record starts after the header: in this buffer, or at the start of the next
                fieldStart = from < n ? from : 0;
                captureFrom = fieldStart;
            }
            if (from < n) {
                body(buffer, from, n);
            }
        }
        return finish();
    }

    private int header(byte[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
                header.write(buffer, 0, i);
                endHeader();
                return i + 1;
            }
        }
        if (header.size() < MAX_HEADER) {
            header.write(buffer, 0, n);
        }
        return n;
    }

    private void endHeader() {
        inHeader = false;
        byte[] bytes = header.toByteArray();
        crlf = bytes.length > 0 && bytes[bytes.length - 1] == '\r';
        physicalLine = 2;
        String text = headerText();
        expectedFields = text.split(",", -1).length;
        startRecord(0);
    }

    private String headerText() {
        String text = header.toString(StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    // The hot loop: plain bytes only move FIELD_START/QUOTE_IN_QUOTED on; the four special bytes do the rest.
    private void body(byte[] b, int from, int to) {
        if (pendingCr) {
            pendingCr = false;
            if (b[from] != '\n') {
                loneCr();
            } else {
                crlf = true;
            }
        }
        int s = state;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (!SPECIAL[c & 0xFF]) {
                if (s == FIELD_START) {
                    s = UNQUOTED;
                } else if (s == QUOTE_IN_QUOTED) {
                    s = AFTER_QUOTE;
                }
                continue;
            }
            switch (c) {
                case '"' -> s = quote(s);
                case ',' -> {
                    if (s != QUOTED) {
                        endField(b, i);
                    }
                    s = comma(s);
                }
                case '\n' -> {
                    if (s == QUOTED) {
                        physicalLine++;
                    } else {
                        state = s;
                        endField(b, i);
                        endRecord(b, i, true);
                        physicalLine++;
                        startRecord(i + 1);
                        s = FIELD_START;
                    }
                }
                default -> carriageReturn(b, i, to);
            }
        }
        state = s;
        if (capturing) {
            captureBuffer.write(b, captureFrom, to - captureFrom);
            captureFrom = 0;
        }
        carryField(b, to);
    }

    private boolean collecting() {
        return fields < collect.length && collect[fields] != null;
    }

    // A collected field that goes on in the next buffer: its bytes so far are kept.
    private void carryField(byte[] b, int to) {
        if (collecting() && fieldStart < to) {
            int length = to - fieldStart;
            if (carried + length > carry.length) {
                carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carried + length));
            }
            System.arraycopy(b, fieldStart, carry, carried, length);
            carried += length;
        }
        fieldStart = 0;
    }

    /** The current field ends before {@code b[end]} (a separator, a line end, or the end of the file). */
    private void endField(byte[] b, int end) {
        if (collecting()) {
            if (carried == 0) {
                collect[fields].add(b, fieldStart, end);
            } else {
                carryField(b, end);
                collect[fields].add(carry, 0, carried);
            }
        }
        carried = 0;
        fieldStart = end + 1;
    }

    // A quote opens a field only at its start; inside quotes a second quote either escapes ("") or closes.
    private static int quote(int s) {
        return switch (s) {
            case FIELD_START -> QUOTED;
            case QUOTED -> QUOTE_IN_QUOTED;
            case QUOTE_IN_QUOTED -> QUOTED;
            default -> s;
        };
    }

    private int comma(int s) {
        if (s == QUOTED) {
            return s;
        }
        if (s == FIELD_START) {
            nullField();
        }
        fields++;
        return FIELD_START;
    }

    // An empty unquoted field is NULL: a missing value unless its column is nullable.
    private void nullField() {
        if (fields >= nullable.length || !nullable[fields]) {
            missingValue = true;
        }
    }

    // DuckDB reads a CR that does not start a CRLF unreliably (fails or drops it), so it is only noted here.
    private void carriageReturn(byte[] b, int i, int to) {
        if (i + 1 < to) {
            if (b[i + 1] != '\n') {
                loneCr();
            } else {
                crlf = true;
            }
        } else {
            pendingCr = true;
        }
    }

    private void loneCr() {
        if (loneCrLine == 0) {
            loneCrLine = physicalLine;
        }
    }

    private void startRecord(int offset) {
        recordStartPhysical = physicalLine;
        fieldStart = offset;
        carried = 0;
        fields = 0;
        missingValue = false;
        capturing = capture != null && capture.test(duckLine);
        captureFrom = offset;
        if (capturing) {
            captureBuffer.reset();
        }
    }

    private void endRecord(byte[] b, int end, boolean newline) {
        records++;
        if (state == FIELD_START && fields == 0) {
            blank.set(toIndex(duckLine));
        } else {
            if (state == FIELD_START) {
                nullField();
            }
            fields++;
            if (missingValue || fields < expectedFields) {
                incomplete.set(toIndex(duckLine));
            }
        }
        if (physicalLine > recordStartPhysical) {
            lineMap.addMultiLineRecord(duckLine, physicalLine - recordStartPhysical);
        }
        if (capturing) {
            if (b != null) {
                captureBuffer.write(b, captureFrom, end - captureFrom);
            }
            captured.put(duckLine, stripLineEnd(captureBuffer.toString(StandardCharsets.UTF_8)));
            capturing = false;
        }
        lastLine = duckLine;
        lastFields = fields;
        duckLine++;
        if (newline) {
            state = FIELD_START;
        }
    }

    private ScanResult finish() {
        if (inHeader) {
            inHeader = false;
            expectedFields = headerText().split(",", -1).length;
        } else {
            if (pendingCr) {
                loneCr();
            }
            if (state != FIELD_START || fields > 0) {
                if (collecting()) {
                    collect[fields].add(carry, 0, carried);
                }
                endRecord(null, 0, false);
                return result(false);
            }
        }
        return result(true);
    }

    private ScanResult result(boolean endsWithNewline) {
        Map<Integer, Set<String>> values = new HashMap<>();
        for (int i = 0; i < collect.length; i++) {
            if (collect[i] != null && !collect[i].overflowed()) {
                values.put(i, collect[i].values());
            }
        }
        return new ScanResult(headerText(), expectedFields, records, blank, incomplete, lineMap, lastLine,
                lastFields, endsWithNewline, loneCrLine, crlf, captured, values);
    }

    private static String stripLineEnd(String text) {
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static int toIndex(long line) {
        if (line > Integer.MAX_VALUE) {
            throw new IllegalStateException("more than " + Integer.MAX_VALUE + " lines in one file");
        }
        return (int) line;
    }
}
