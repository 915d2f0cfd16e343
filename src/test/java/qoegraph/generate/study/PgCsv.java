package qoegraph.generate.study;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads a PostgreSQL CSV export independently of the generator: quoted fields with doubled quotes (possibly
 * over several lines), an unquoted empty field is NULL (null here), a quoted empty field an empty string.
 */
final class PgCsv {

    private PgCsv() {
    }

    static Path file(Path dir, String table) {
        Path gz = dir.resolve(table + ".csv.gz");
        return Files.exists(gz) ? gz : dir.resolve(table + ".csv");
    }

    static String header(Path file) {
        try (BufferedReader reader = open(file)) {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls rows with every data row (the header skipped); returns the number of rows. */
    static long forEachRow(Path file, Consumer<String[]> rows) {
        long count = 0;
        try (BufferedReader reader = open(file)) {
            int columns = split(reader.readLine(), reader).size();
            String line;
            while ((line = reader.readLine()) != null) {
                List<String> fields = split(line, reader);
                if (fields.size() != columns) {
                    throw new IllegalStateException(file + ": row " + (count + 1) + " has " + fields.size()
                        + " fields, header has " + columns);
                }
                rows.accept(fields.toArray(new String[0]));
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    /** Data rows of a file: line ends outside quoted fields, less the header. */
    static long countRows(Path file) {
        try (InputStream in = file.toString().endsWith(".gz")
            ? new GZIPInputStream(Files.newInputStream(file), 1 << 16) : Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            boolean quoted = false;
            long lines = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '"') {
                        quoted = !quoted;
                    } else if (buffer[i] == '\n' && !quoted) {
                        lines++;
                    }
                }
            }
            return lines - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private static List<String> split(String line, BufferedReader reader) throws IOException {
        List<String> fields = new ArrayList<>();
        if (line.indexOf('"') < 0) {
            int start = 0;
            for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', start)) {
                fields.add(comma == start ? null : line.substring(start, comma));
                start = comma + 1;
            }
            fields.add(start == line.length() ? null : line.substring(start));
            return fields;
        }
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (true) {
            if (i == line.length()) {
                if (!quoted) {
                    break;
                }
                field.append('\n');
                line = reader.readLine();
                if (line == null) {
                    throw new IllegalStateException("file ends inside a quoted field");
                }
                i = 0;
                continue;
            }
            char c = line.charAt(i++);
            if (quoted) {
                if (c == '"' && i < line.length() && line.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(value(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        fields.add(value(field, wasQuoted));
        return fields;
    }

    private static String value(StringBuilder field, boolean wasQuoted) {
        return field.length() == 0 && !wasQuoted ? null : field.toString();
    }

    /** "YYYY-MM-DD HH:MM:SS[.ffffff]" (naive UTC) as epoch microseconds. */
    static long micros(String timestamp) {
        int year = Integer.parseInt(timestamp, 0, 4, 10);
        int month = Integer.parseInt(timestamp, 5, 7, 10);
        int day = Integer.parseInt(timestamp, 8, 10, 10);
        int hour = Integer.parseInt(timestamp, 11, 13, 10);
        int minute = Integer.parseInt(timestamp, 14, 16, 10);
        int second = Integer.parseInt(timestamp, 17, 19, 10);
        long micros = 0;
        if (timestamp.length() > 20) {
            String fraction = (timestamp.substring(20) + "000000").substring(0, 6);
            micros = Integer.parseInt(fraction);
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return ((days * 24 + hour) * 60 + minute) * 60_000_000L + second * 1_000_000L + micros;
    }

    /** "{a,b}" as its elements (no element here needs PostgreSQL's array quoting). */
    static String[] array(String text) {
        if (text == null || !text.startsWith("{") || !text.endsWith("}")) {
            throw new IllegalStateException("not a PostgreSQL array: " + text);
        }
        String inner = text.substring(1, text.length() - 1);
        return inner.isEmpty() ? new String[0] : inner.split(",");
    }
}
