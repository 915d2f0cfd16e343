package qoegraph.generate.study;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one table as PostgreSQL's {@code COPY ... WITH CSV HEADER} does: a header line, fields quoted only
 * when they hold a comma, a quote or a line break (inner quotes doubled), NULL as an empty unquoted field,
 * booleans as t/f, arrays in PostgreSQL's text form and timestamps as {@code YYYY-MM-DD HH:MM:SS[.ffffff]}
 * with trailing zeros of the fraction dropped. Rows are formatted into a byte buffer by hand.
 */
final class PgCsvWriter implements Closeable {

    private static final int ROOM = 1 << 14;

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 17];
    private final StringBuilder scratch = new StringBuilder(256);
    private int used;
    private boolean firstField = true;
    private long rows;

    private PgCsvWriter(OutputStream out) {
        this.out = out;
    }

    /** Opens {@code <table>.csv.gz} or {@code <table>.csv} in dir and writes the header line. */
    static PgCsvWriter open(Path dir, String table, String header, boolean gzip) throws IOException {
        Path file = dir.resolve(table + (gzip ? ".csv.gz" : ".csv"));
        OutputStream raw = Files.newOutputStream(file);
        OutputStream out = gzip ? new FastGzip(raw) : new BufferedOutputStream(raw, 1 << 16);
        PgCsvWriter writer = new PgCsvWriter(out);
        writer.ascii(header);
        writer.buffer[writer.used++] = '\n';
        return writer;
    }

    long rows() {
        return rows;
    }

    PgCsvWriter text(String value) {
        if (value == null) {
            return nul();
        }
        separate();
        if (needsQuotes(value)) {
            quoted(value);
        } else {
            utf8(value);
        }
        return this;
    }

    /** A field encoded once by {@link #encode} and written many times. */
    PgCsvWriter encoded(byte[] field) {
        separate();
        System.arraycopy(field, 0, buffer, used, field.length);
        used += field.length;
        return this;
    }

    /** The bytes {@link #text} writes for value (nothing for null). */
    static byte[] encode(String value) {
        if (value == null) {
            return new byte[0];
        }
        String field = needsQuotes(value) ? '"' + value.replace("\"", "\"\"") + '"' : value;
        return field.getBytes(StandardCharsets.UTF_8);
    }

    PgCsvWriter nul() {
        separate();
        return this;
    }

    PgCsvWriter num(long value) {
        separate();
        digits(value);
        return this;
    }

    PgCsvWriter num(Long value) {
        return value == null ? nul() : num(value.longValue());
    }

    PgCsvWriter bool(boolean value) {
        separate();
        buffer[used++] = (byte) (value ? 't' : 'f');
        return this;
    }

    PgCsvWriter ipv4(int address) {
        separate();
        writeIpv4(address);
        return this;
    }

    /** Epoch microseconds as a naive UTC timestamp. */
    PgCsvWriter timestamp(long micros) {
        separate();
        long seconds = Math.floorDiv(micros, Times.SECOND);
        int fraction = (int) Math.floorMod(micros, Times.SECOND);
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        civilDate(days);
        buffer[used++] = ' ';
        two(secondOfDay / 3600);
        buffer[used++] = ':';
        two(secondOfDay / 60 % 60);
        buffer[used++] = ':';
        two(secondOfDay % 60);
        if (fraction != 0) {
            fraction(fraction);
        }
        return this;
    }

    /** A decimal with six fractional digits given in millionths, trailing zeros dropped (lat/lon). */
    PgCsvWriter millionths(long value) {
        separate();
        if (value < 0) {
            buffer[used++] = '-';
            value = -value;
        }
        digits(value / 1_000_000);
        int fraction = (int) (value % 1_000_000);
        if (fraction != 0) {
            fraction(fraction);
        }
        return this;
    }

    PgCsvWriter textArray(String[] values) {
        scratch.setLength(0);
        scratch.append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                scratch.append(',');
            }
            arrayElement(values[i]);
        }
        scratch.append('}');
        return text(scratch.toString());
    }

    PgCsvWriter intArray(int[] values) {
        scratch.setLength(0);
        scratch.append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                scratch.append(',');
            }
            scratch.append(values[i]);
        }
        scratch.append('}');
        return text(scratch.toString());
    }

    void endRow() throws IOException {
        buffer[used++] = '\n';
        firstField = true;
        rows++;
        if (buffer.length - used < ROOM) {
            flushBuffer();
        }
    }

    @Override
    public void close() throws IOException {
        flushBuffer();
        out.close();
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    private void separate() {
        if (!firstField) {
            buffer[used++] = ',';
        }
        firstField = false;
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty() || value.equals("\\.")) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private void quoted(String value) {
        buffer[used++] = '"';
        utf8(value.replace("\"", "\"\""));
        buffer[used++] = '"';
    }

    /** PostgreSQL quotes an array element that is empty, NULL, or has braces, commas, quotes, backslashes, blanks. */
    private void arrayElement(String value) {
        boolean quote = value.isEmpty() || value.equalsIgnoreCase("NULL");
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || Character.isWhitespace(c);
        }
        if (!quote) {
            scratch.append(value);
            return;
        }
        scratch.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                scratch.append('\\');
            }
            scratch.append(c);
        }
        scratch.append('"');
    }

    private void ascii(String value) {
        for (int i = 0; i < value.length(); i++) {
            buffer[used++] = (byte) value.charAt(i);
        }
    }

    private void utf8(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                byte[] bytes = value.substring(i).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(bytes, 0, buffer, used, bytes.length);
                used += bytes.length;
                return;
            }
            buffer[used++] = (byte) value.charAt(i);
        }
    }

    private void digits(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value));
                return;
            }
            buffer[used++] = '-';
            value = -value;
        }
        int start = used;
        do {
            buffer[used++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (int i = start, j = used - 1; i < j; i++, j--) {
            byte t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
    }

    private void two(int value) {
        buffer[used++] = (byte) ('0' + value / 10);
        buffer[used++] = (byte) ('0' + value % 10);
    }

    private void fraction(int millionths) {
        buffer[used++] = '.';
        int length = 6;
        while (millionths % 10 == 0) {
            millionths /= 10;
            length--;
        }
        for (int d = length - 1; d >= 0; d--) {
            buffer[used + d] = (byte) ('0' + millionths % 10);
            millionths /= 10;
        }
        used += length;
    }

    /** Howard Hinnant's civil_from_days. */
    private void civilDate(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        digits(year);
        buffer[used++] = '-';
        two(month);
        buffer[used++] = '-';
        two(day);
    }

    private void writeIpv4(int address) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            digits((address >>> shift) & 0xff);
            if (shift > 0) {
                buffer[used++] = '.';
            }
        }
    }

    /** gzip at the fastest level: the files are re-read far more often than written, but they are large. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
