package qoegraph.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes session rows as bytes: numbers are formatted by hand, since String.format dominates the run time. */
final class SessionsCsv implements AutoCloseable {

    private static final int MICROS_DIGITS = 6;
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");

    private final OutputStream out;
    private final byte[][] isps;
    private final byte[][] browsers;
    private final byte[] buffer = new byte[1 << 16];
    private int used;

    SessionsCsv(OutputStream out, List<String> isps, List<String> browsers) {
        this.out = out;
        this.isps = isps.stream().map(SessionsCsv::ascii).toArray(byte[][]::new);
        this.browsers = browsers.stream().map(SessionsCsv::ascii).toArray(byte[][]::new);
    }

    void header(String header) throws IOException {
        bytes(ascii(header));
        newline();
    }

    void row(int stream, int isp, int browser, boolean connected, long p2pMicros, long cdnMicros)
            throws IOException {
        fieldsUpToP2p(stream, isp, browser, connected, p2pMicros);
        micros(cdnMicros);
        newline();
    }

    /** The real file's last row: connected, its cdn field empty and no newline after it. */
    void cutOffRow(int stream, int isp, int browser, long p2pMicros) throws IOException {
        fieldsUpToP2p(stream, isp, browser, true, p2pMicros);
    }

    private void fieldsUpToP2p(int stream, int isp, int browser, boolean connected, long p2pMicros)
            throws IOException {
        ensureRoom();
        number(stream);
        comma();
        bytes(isps[isp]);
        comma();
        bytes(browsers[browser]);
        comma();
        bytes(connected ? TRUE : FALSE);
        comma();
        micros(p2pMicros);
        comma();
    }

    @Override
    public void close() throws IOException {
        out.write(buffer, 0, used);
        out.close();
    }

    /** A row is under 100 bytes; flushing with 256 free keeps the hot path free of bound checks. */
    private void ensureRoom() throws IOException {
        if (buffer.length - used < 256) {
            out.write(buffer, 0, used);
            used = 0;
        }
    }

    /** Micro-bytes as a decimal with exactly six fractional digits, e.g. 195910840977 -> 195910.840977. */
    private void micros(long micros) {
        number(micros / 1_000_000);
        buffer[used++] = '.';
        long fraction = micros % 1_000_000;
        for (int d = MICROS_DIGITS - 1; d >= 0; d--) {
            buffer[used + d] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        used += MICROS_DIGITS;
    }

    private void number(long value) {
        int digits = 1;
        for (long v = value / 10; v > 0; v /= 10) {
            digits++;
        }
        for (int d = digits - 1; d >= 0; d--) {
            buffer[used + d] = (byte) ('0' + value % 10);
            value /= 10;
        }
        used += digits;
    }

    private void bytes(byte[] text) {
        System.arraycopy(text, 0, buffer, used, text.length);
        used += text.length;
    }

    private void comma() {
        buffer[used++] = ',';
    }

    private void newline() {
        buffer[used++] = '\n';
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
