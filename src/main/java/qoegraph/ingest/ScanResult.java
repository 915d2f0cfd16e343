package qoegraph.ingest;

import java.util.BitSet;
import java.util.Map;
import java.util.Set;

/**
 * What the Java pass over a file's decompressed bytes found. Line sets are indexed by DuckDB's line numbers
 * (header = 1, one number per record, blank lines counted), so they can be set against its reject table.
 *
 * @param header         the first line, without BOM and line end
 * @param records        data records after the header, blank lines included: the "lines read"
 * @param blankLines     records with no bytes at all, which DuckDB skips without a reject
 * @param incomplete     records with an empty unquoted field (NULL) in a column not declared nullable, or
 *                       with fewer fields than the header
 * @param lastLine       DuckDB line of the last record (0 if none)
 * @param lastFields     field count of the last record
 * @param endsWithNewline whether the last record is terminated by a line end
 * @param loneCrLine     physical line of the first carriage return not followed by a line feed, or 0
 * @param crlf           whether any line (the header included) ends with CRLF
 * @param captured       raw text of the records asked for, by DuckDB line
 * @param fieldValues    distinct values of the fields asked for, by field index (a field with too many is absent)
 */
record ScanResult(String header, int headerFields, long records, BitSet blankLines, BitSet incomplete,
                  LineMap lineMap, long lastLine, int lastFields, boolean endsWithNewline, long loneCrLine,
                  boolean crlf, Map<Long, String> captured, Map<Integer, Set<String>> fieldValues) {
}
