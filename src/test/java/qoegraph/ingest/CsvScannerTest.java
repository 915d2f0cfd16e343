package qoegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvScannerTest {

    private static ScanResult scan(String text) {
        return scan(text.getBytes(StandardCharsets.UTF_8), 1 << 16);
    }

    // Reads in chunks of `chunk` bytes, to cross every buffer boundary the real 64 kB reads could meet.
    private static ScanResult scan(byte[] bytes, int chunk) {
        try {
            return CsvScanner.scan(new ChunkedInput(bytes, chunk));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BitSet bits(int... lines) {
        BitSet bits = new BitSet();
        for (int line : lines) {
            bits.set(line);
        }
        return bits;
    }

    @Test
    void countsRecordsNotLinesAndNumbersThemAsDuckDbDoes() {
        String text = "a,b,c\n1,2,3\n\"x\ny\",2,3\n\n4,,6\n7,8\n\"a \"\"q\"\"\",\"\",3";
        for (int chunk = 1; chunk <= text.length(); chunk++) {
            ScanResult scan = scan(text.getBytes(StandardCharsets.UTF_8), chunk);

            assertEquals("a,b,c", scan.header());
            assertEquals(3, scan.headerFields());
            assertEquals(6, scan.records(), "chunk " + chunk);
            assertEquals(bits(4), scan.blankLines());
            assertEquals(bits(5, 6), scan.incomplete(), "empty field on line 5, short line 6");
            assertEquals(7, scan.lastLine());
            assertEquals(3, scan.lastFields());
            assertFalse(scan.endsWithNewline());
            assertEquals(0, scan.loneCrLine());
            assertEquals(2, scan.lineMap().physical(2));
            assertEquals(3, scan.lineMap().physical(3), "the multi-line record starts on line 3");
            assertEquals(5, scan.lineMap().physical(4), "and shifts every later line by one");
            assertEquals(8, scan.lineMap().physical(7));
        }
    }

    @Test
    void aNullInANullableFieldLeavesTheRecordCompleteButAShortRecordNever() throws IOException {
        String text = "a,b,c\n1,,3\n,2,3\n1,2,\n1,\"\",\n1,2\n";
        boolean[] nullable = {false, true, true};
        for (int chunk = 1; chunk <= text.length(); chunk++) {
            ScanResult scan = CsvScanner.scan(new ChunkedInput(text.getBytes(StandardCharsets.UTF_8), chunk), nullable);

            assertEquals(bits(3, 6), scan.incomplete(), "NULL in required a on line 3, short line 6; chunk " + chunk);
        }
    }

    @Test
    void crlfIsOneLineEndAndALoneCrIsNoted() {
        ScanResult crlf = scan("\uFEFFh1,h2\r\n1,2\r\n\r\n3,\r\n");
        assertEquals("h1,h2", crlf.header());
        assertEquals(3, crlf.records());
        assertEquals(bits(3), crlf.blankLines());
        assertEquals(bits(4), crlf.incomplete());
        assertTrue(crlf.endsWithNewline());
        assertEquals(0, crlf.loneCrLine());

        assertEquals(3, scan("h1,h2\n1,2\n3,\"a\rb\"\n").loneCrLine());
        assertEquals(2, scan("h1,h2\n1,2\r").loneCrLine());
        byte[] split = "h1,h2\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk < split.length; chunk++) {
            assertEquals(0, scan(split, chunk).loneCrLine(), "CR and LF in different reads, chunk " + chunk);
        }
    }

    @Test
    void headerOnlyAndUnterminatedQuote() {
        ScanResult headerOnly = scan("h1,h2");
        assertEquals("h1,h2", headerOnly.header());
        assertEquals(0, headerOnly.records());
        assertEquals(0, headerOnly.lastLine());

        ScanResult open = scan("h1,h2\n1,\"never closed\n2,3\n");
        assertEquals(1, open.records(), "an unterminated quote runs to the end of the file, as in DuckDB");
    }

    @Test
    void capturesTheRawTextOfChosenRecords() throws IOException {
        String text = "h1,h2\n1,2\r\n\"multi\nline\",3\n4,5";
        for (int chunk = 1; chunk <= text.length(); chunk++) {
            ScanResult scan = CsvScanner.scanCapturing(new ChunkedInput(text.getBytes(StandardCharsets.UTF_8), chunk),
                    line -> line != 2);
            assertEquals(Map.of(3L, "\"multi\nline\",3", 4L, "4,5"), scan.captured(), "chunk " + chunk);
        }
    }

    @Test
    void capturesTheFirstRecordWithoutTheHeader() throws IOException {
        String text = "h1,h2\n1,2\n3,4\n";
        for (int chunk = 1; chunk <= text.length(); chunk++) {
            ScanResult scan = CsvScanner.scanCapturing(new ChunkedInput(text.getBytes(StandardCharsets.UTF_8), chunk),
                    line -> line == 2);
            assertEquals(Map.of(2L, "1,2"), scan.captured(), "chunk " + chunk);
        }
    }

    // What DuckDB's strict reader makes of each field (checked against it in IngestEnumTest): quotes removed, ""
    // as one quote, spaces kept unquoted and dropped after a closing quote, an empty unquoted field NULL (no
    // value), a quoted empty one the empty string, a CRLF's CR not part of the last field.
    @Test
    void collectsTheDistinctValuesOfChosenFieldsAsDuckDbReadsThem() throws IOException {
        String text = "n,isp,browser\r\n1,BTP,Iron\r\n2,\"BTP\",\"Sw\"\"amp\"\r\n3,,\"multi\nline\"\n4,\"\", Iron \n"
                + "5,\"Olga\" ,Iron\n\n6,\"a,b\",\"\"\r\n7,Fro,Datch Telecam";
        for (int chunk = 1; chunk <= text.length(); chunk++) {
            ScanResult scan = CsvScanner.scan(new ChunkedInput(text.getBytes(StandardCharsets.UTF_8), chunk),
                    new boolean[3], new boolean[] {false, true, true});

            assertEquals(Map.of(1, Set.of("BTP", "", "Olga", "a,b", "Fro"),
                            2, Set.of("Iron", "Sw\"amp", "multi\nline", " Iron ", "", "Datch Telecam")),
                    scan.fieldValues(), "chunk " + chunk);
            assertEquals(8, scan.records(), "chunk " + chunk);
        }
    }

    @Test
    void aFieldWithTooManyValuesIsLeftOut() throws IOException {
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i <= FieldValues.MAX_FORMS; i++) {
            text.append(i).append(",x\n");
        }
        ScanResult scan = CsvScanner.scan(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
                new boolean[2], new boolean[] {true, true});

        assertEquals(Map.of(1, Set.of("x")), scan.fieldValues());
    }

    /** An input stream that never returns more than {@code chunk} bytes per read. */
    private static final class ChunkedInput extends InputStream {
        private final ByteArrayInputStream in;
        private final int chunk;

        ChunkedInput(byte[] bytes, int chunk) {
            this.in = new ByteArrayInputStream(bytes);
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, chunk));
        }
    }
}
