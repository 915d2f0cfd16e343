package qoegraph.ingest;

import java.util.Arrays;

/**
 * Maps DuckDB's CSV line numbers to physical line numbers. DuckDB counts a record as one line even when a
 * quoted field spans several, so every such record shifts the following lines; this keeps one entry per
 * multi-line record (rare), as (its DuckDB line, total shift after it).
 */
final class LineMap {

    private long[] lines = new long[0];
    private long[] shifts = new long[0];
    private int size;

    void addMultiLineRecord(long duckLine, long extraLines) {
        if (size == lines.length) {
            lines = Arrays.copyOf(lines, Math.max(8, size * 2));
            shifts = Arrays.copyOf(shifts, lines.length);
        }
        shifts[size] = (size == 0 ? 0 : shifts[size - 1]) + extraLines;
        lines[size++] = duckLine;
    }

    /** The physical line (header = 1) on which the record DuckDB numbers {@code duckLine} starts. */
    long physical(long duckLine) {
        int index = Arrays.binarySearch(lines, 0, size, duckLine);
        int before = index >= 0 ? index - 1 : -index - 2;
        return duckLine + (before < 0 ? 0 : shifts[before]);
    }

    boolean isIdentity() {
        return size == 0;
    }

    int size() {
        return size;
    }

    long duckLine(int i) {
        return lines[i];
    }

    long shiftAfter(int i) {
        return shifts[i];
    }
}
