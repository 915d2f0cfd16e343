package qoegraph.ingest;

import java.util.BitSet;

/**
 * Reconciles the Java count of a file's lines with what DuckDB did, line by line (DuckDB line numbers):
 * every data line is loaded or rejected, never neither, never both.
 *
 * @param notLoaded  lines that went to _rejects: DuckDB's rejects (minus a loaded cut-off line), blank lines
 *                   and rows refused after the read
 * @param duckDbOnly DuckDB's own rejects that stay rejects, kept apart because they are copied from its table
 */
record LineCounts(long linesRead, long loaded, BitSet notLoaded, BitSet duckDbOnly, long incomplete) {

    static LineCounts of(ScanResult scan, BitSet duckDbRejects, long cutOffLine, long[] refusedLines,
                         long insertedRows) {
        BitSet duckDbOnly = (BitSet) duckDbRejects.clone();
        duckDbOnly.clear((int) cutOffLine);
        BitSet notLoaded = (BitSet) duckDbOnly.clone();
        notLoaded.or(scan.blankLines());
        for (long line : refusedLines) {
            notLoaded.set((int) line);
        }
        BitSet incomplete = (BitSet) scan.incomplete().clone();
        incomplete.andNot(notLoaded);
        long loaded = insertedRows + (cutOffLine > 0 ? 1 : 0);
        return new LineCounts(scan.records(), loaded, notLoaded, duckDbOnly, incomplete.cardinality());
    }

    long rejected() {
        return notLoaded.cardinality();
    }

    boolean balanced() {
        return linesRead == loaded + rejected();
    }

    /** Blank lines DuckDB skipped without a reject of its own. */
    BitSet blankOnly(ScanResult scan) {
        BitSet blank = (BitSet) scan.blankLines().clone();
        blank.andNot(duckDbOnly);
        return blank;
    }
}
