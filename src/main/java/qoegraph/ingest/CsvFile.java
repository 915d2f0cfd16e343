package qoegraph.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.LongPredicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A CSV file on disk, plain or gzip (by its name), opened the way DuckDB will read it. All I/O problems
 * become an {@link IngestException} naming the file.
 */
record CsvFile(Path path, long bytes) {

    private static final int BUFFER = 1 << 16;

    static boolean isCsvName(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz");
    }

    static CsvFile of(Path path) {
        if (!Files.exists(path)) {
            throw new IngestException(path, "no such file");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IngestException(path, "not a readable regular file");
        }
        try {
            long size = Files.size(path);
            if (size == 0) {
                throw new IngestException(path, "empty file (0 bytes): expected at least a header line");
            }
            return new CsvFile(path, size);
        } catch (IOException e) {
            throw new IngestException(path, "cannot read: " + e.getMessage(), e);
        }
    }

    boolean gzip() {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    String name() {
        return path.getFileName().toString();
    }

    /** The decompressed bytes. */
    InputStream open() throws IOException {
        InputStream raw = Files.newInputStream(path);
        if (!gzip()) {
            return raw;
        }
        try {
            return new GZIPInputStream(new BufferedInputStream(raw, BUFFER), BUFFER);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** The first line after decompression, without BOM and line end: what identifies the table. */
    String header() {
        byte[] line = new byte[4096];
        int length = 0;
        try (InputStream in = new BufferedInputStream(open(), 8192)) {
            for (int c = in.read(); c >= 0 && c != '\n' && length < (1 << 20); c = in.read()) {
                if (length == line.length) {
                    line = Arrays.copyOf(line, length * 2);
                }
                line[length++] = (byte) c;
            }
        } catch (IOException e) {
            throw failure(e);
        }
        if (length == 0) {
            throw new IngestException(path, "empty file after decompression: expected at least a header line");
        }
        if (length >= 2 && (bom(line, 0xFF, 0xFE) || bom(line, 0xFE, 0xFF))) {
            throw new IngestException(path, "encoded in UTF-16 (it starts with a UTF-16 byte order mark); files"
                    + " must be UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8");
        }
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static boolean bom(byte[] line, int first, int second) {
        return (line[0] & 0xFF) == first && (line[1] & 0xFF) == second;
    }

    /** SHA-256 of the decompressed content, so a file and its gzip copy count as the same content. */
    String sha256() {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(open(), digest)) {
            byte[] buffer = new byte[BUFFER];
            while (in.read(buffer) >= 0) {
                // reading feeds the digest
            }
        } catch (IOException e) {
            throw failure(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * One pass that both hashes and scans the decompressed content, and writes it to {@code copy} unless that is
     * null: DuckDB parses a plain file with all its threads, while it decompresses gzip on one, so a gzip file is
     * read once here and then loaded from the copy. This thread reads, decompresses, hashes and copies; the scan
     * runs on {@code scanner}, on the same bytes ({@link ChunkPipe}).
     *
     * @param nullable by field position, whether a NULL there leaves the record complete
     * @param collect  by field position, whether to collect the field's distinct values
     */
    Hashed<ScanResult> scanAndHash(Path copy, boolean[] nullable, boolean[] collect, Executor scanner) {
        MessageDigest digest = sha256Digest();
        ChunkPipe pipe = new ChunkPipe();
        CompletableFuture<ScanResult> scan = CompletableFuture.supplyAsync(() -> {
            try (pipe) {
                return CsvScanner.scan(pipe, nullable, collect);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, scanner);
        try (InputStream in = open(); OutputStream out = copy == null ? OutputStream.nullOutputStream()
                : new BufferedOutputStream(Files.newOutputStream(copy), BUFFER)) {
            for (byte[] chunk = pipe.take(); chunk != null; chunk = pipe.take()) {
                int n = in.readNBytes(chunk, 0, chunk.length);
                if (n == 0) {
                    break;
                }
                digest.update(chunk, 0, n);
                out.write(chunk, 0, n);
                pipe.put(chunk, n);
            }
        } catch (IOException e) {
            throw failure(e);
        } finally {
            pipe.end();
        }
        try {
            return new Hashed<>(HexFormat.of().formatHex(digest.digest()), scan.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? failure(io.getCause()) : e;
        }
    }

    /**
     * Copies the decompressed content to {@code copy} with every CRLF turned into LF. DuckDB's reader takes one
     * line end per file, so a file that mixes CRLF and LF (concatenated exports) is loaded from such a copy;
     * line numbers do not change. Only called once lone carriage returns have been refused.
     */
    void writeWithLf(Path copy) {
        try (InputStream in = new BufferedInputStream(open(), BUFFER);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(copy), BUFFER)) {
            boolean pendingCr = false;
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (pendingCr && c != '\n') {
                    out.write('\r');
                }
                pendingCr = c == '\r';
                if (!pendingCr) {
                    out.write(c);
                }
            }
            if (pendingCr) {
                out.write('\r');
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    record Hashed<T>(String sha256, T value) {
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    ScanResult scan() {
        try (InputStream in = open()) {
            return CsvScanner.scan(in);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** A second scan that keeps the raw text of some records (only for rows rejected after the read). */
    ScanResult scanCapturing(LongPredicate duckLines) {
        try (InputStream in = open()) {
            return CsvScanner.scanCapturing(in, duckLines);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    IngestException failure(IOException e) {
        if (e instanceof NoSuchFileException) {
            return new IngestException(path, "no such file", e);
        }
        if (gzip() && e instanceof ZipException) {
            return new IngestException(path, "not a valid gzip file although named .gz (" + e.getMessage() + ")", e);
        }
        if (gzip() && e instanceof EOFException) {
            return new IngestException(path, "truncated gzip file (" + e.getMessage() + ")", e);
        }
        return new IngestException(path, "cannot read: " + e, e);
    }
}
