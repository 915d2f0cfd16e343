package qoegraph.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import qoegraph.ingest.BrokenFile.Builder;
import qoegraph.ingest.BrokenFile.Refused;
import qoegraph.ingest.BrokenFile.RefusedOrBalanced;

/**
 * The broken-file corpus, generated (seeded) rather than committed: truncated files, binary junk, wrong
 * encodings, huge lines, wrong headers, mixed line ends, duplicated ids, unbalanced quotes, wrong field counts.
 */
final class BrokenFiles {

    static final String SESSIONS = TestDb.SESSIONS_HEADER;
    private static final String[] ISPS = {"Fro", "Arange", "BTP", "Datch Telecam", "Olga"};
    private static final String[] BROWSERS = {"Iron", "EarthWolf", "Vectrice", "Swamp"};
    private static final int HUGE = 5 << 20;

    private final SplittableRandom random = new SplittableRandom(7);

    private BrokenFiles() {
    }

    static List<BrokenFile> all() {
        return new BrokenFiles().build();
    }

    private List<BrokenFile> build() {
        List<BrokenFile> files = new ArrayList<>();
        files.add(sessions(20).loads("control.csv"));
        // DuckDB ignores empty fields after the last column (trailing separators): all six values are there.
        files.add(sessions(5).bad("1,Fro,Iron,true,1,1,1").good(line()).good("1,Fro,Iron,true,1,1,").good(line())
                .good("1,Fro,Iron,true,1,1,,").bad("1,Fro,Iron,true,1,1,x").loads("too-many-fields.csv"));
        files.add(sessions(5).bad("1,Fro,Iron,true,1").good(line()).bad("1").bad(",,,,").good(line())
                .loads("too-few-fields.csv"));
        files.add(sessions(3).bad("x,Fro,Iron,true,1,1").bad("1,Fro,Iron,maybe,1,1").bad("1,Fro,Iron,true,abc,1")
                .bad("1,Fro,Iron,true,1e999999,1").good(line()).loads("wrong-types.csv"));
        files.add(unbalancedQuote());
        files.add(sessions(3).record("1,Fr\"o,Iron,true,1,1", false, "\n").good(line())
                .refusedOrBalanced("stray-quote.csv"));
        files.add(mixedLineEnds("mixed-crlf-first.csv", "\r\n", 0));
        files.add(mixedLineEnds("mixed-lf-first.csv", "\n", 1));
        files.add(mixedLineEnds("crlf-header-then-lf.csv", "\r\n", -1));
        files.add(new BrokenFile("lone-cr.csv", sessions(3).record(line(), false, "\r").good(line()).bytes(),
                new Refused("carriage return not followed by a line feed")));
        files.add(new Builder("sessions", "\uFEFF" + SESSIONS).good(line()).good(line()).loads("utf8-bom.csv"));
        files.add(latin1());
        files.add(utf16("utf16le-bom.csv", new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE));
        files.add(utf16("utf16be-bom.csv", new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE));
        files.add(new BrokenFile("junk-only.csv", junk(4096, true), new Refused("")));
        files.add(junkLines());
        files.add(new BrokenFile("junk-tail.csv", sessions(2).raw(junk(4096, false)).bytes(),
                new RefusedOrBalanced("sessions", -1)));
        // DuckDB reads lines of up to 2 MB (max_line_size): a longer one is a reject, even a well-formed one.
        files.add(sessions(3).bad("1," + "x".repeat(HUGE) + ",Iron,true,1,1").good(line())
                .loads("huge-valid-line.csv"));
        files.add(sessions(3).bad("y".repeat(HUGE)).good(line()).loads("huge-junk-line.csv"));
        files.add(sessions(4).record("1,Fr", true, "").loads("truncated-in-a-field.csv"));
        files.add(sessions(4).record("1,Fro,Iron,true,5", false, "").loads("truncated-before-the-last-field.csv"));
        files.add(sessions(4).record("1,Fro,Iron,true,5,", false, "").loads("truncated-after-a-separator.csv"));
        files.add(new BrokenFile("truncated.csv.gz", truncatedGzip(), new Refused("truncated gzip file")));
        files.add(new BrokenFile("junk.csv.gz", junk(2048, true), new Refused("not a valid gzip file")));
        files.add(new BrokenFile("empty.csv", new byte[0], new Refused("empty file")));
        files.add(new Builder("sessions", SESSIONS).loads("header-only.csv"));
        files.add(new BrokenFile("header-only-no-line-end.csv", SESSIONS.getBytes(StandardCharsets.UTF_8),
                new BrokenFile.Loads("sessions", 0, 0, new TreeSet<>())));
        files.add(sessions(3).record("", true, "\n").record("", true, "\n").good(line()).loads("blank-lines.csv"));
        files.add(new BrokenFile("missing-header.csv", (line() + "\n" + line() + "\n").getBytes(StandardCharsets.UTF_8),
                new Refused("the file may lack its header line")));
        files.add(header("reordered-header.csv", "isp,#stream,browser,connected,p2p,cdn"));
        files.add(header("header-typo.csv", "#stream,isp,browser,connected,p2p,cnd"));
        files.add(header("header-extra-column.csv", SESSIONS + ",extra"));
        files.add(header("header-short.csv", "#stream,isp,browser,connected,p2p"));
        files.add(duplicatedSessionRow());
        files.add(new Builder("users", "id,username,familyname,starttime,country").good("1,alice,,2015-03-01 00:00:00,fr")
                .good("1,alice,,2015-03-01 00:00:00,fr").good("1,mallory,,2015-04-01 00:00:00,uk")
                .loads("users-duplicate-id.csv"));
        files.add(new Builder("devices", "id,name,login,platform,devtype,os,shared,addresses")
                .good("10,a,alice.a,p,phone,android,false,{10.0.0.1}").good("10,b,bob.b,p,pc,windows,true,{}")
                .loads("devices-duplicate-id.csv"));
        files.add(new Builder("user_devices", "user_id,device_id").good("1,10").good("1,10").good("2,10")
                .loads("user-devices-duplicate-pair.csv"));
        return files;
    }

    private Builder sessions(int goodLines) {
        Builder builder = new Builder("sessions", SESSIONS);
        for (int i = 0; i < goodLines; i++) {
            builder.good(line());
        }
        return builder;
    }

    private String line() {
        return (1 + random.nextInt(9)) + "," + ISPS[random.nextInt(ISPS.length)] + ","
                + BROWSERS[random.nextInt(BROWSERS.length)] + "," + random.nextBoolean() + ","
                + random.nextInt(1_000_000) + "." + random.nextInt(1_000_000) + "," + random.nextInt(1000);
    }

    // The quote opened in the middle runs to the end of the file: one record, rejected, and nothing after it.
    private BrokenFile unbalancedQuote() {
        Builder builder = sessions(4);
        StringBuilder rest = new StringBuilder("1,\"Fro,Iron,true,1,1");
        for (int i = 0; i < 3; i++) {
            rest.append('\n').append(line());
        }
        return builder.record(rest.toString(), true, "\n").loads("unbalanced-quote.csv");
    }

    // Concatenated exports mix CRLF and LF; every line loads. crlfAt: records i % 3 == crlfAt end in CRLF.
    private BrokenFile mixedLineEnds(String name, String headerEnd, int crlfAt) {
        Builder builder = new Builder("sessions", SESSIONS, StandardCharsets.UTF_8, headerEnd);
        builder.record("1,Fro,\"two\r\nlines\",true,1,1", false, "\n");
        for (int i = 0; i < 12; i++) {
            builder.record(line(), false, i % 3 == crlfAt ? "\r\n" : "\n");
        }
        return builder.loads(name);
    }

    // ISO-8859-1 bytes are not UTF-8: the lines that hold them are rejected, the ASCII ones load.
    private BrokenFile latin1() {
        Builder builder = new Builder("sessions", SESSIONS, StandardCharsets.ISO_8859_1);
        return builder.good(line()).bad("1,Télécom,Iron,true,1,1").good(line()).bad("2,Fro,Straße,false,0,1")
                .good(line()).loads("latin1.csv");
    }

    private BrokenFile utf16(String name, byte[] bom, java.nio.charset.Charset charset) {
        byte[] text = (SESSIONS + "\n" + line() + "\n").getBytes(charset);
        byte[] content = Arrays.copyOf(bom, bom.length + text.length);
        System.arraycopy(text, 0, content, bom.length, text.length);
        return new BrokenFile(name, content, new Refused("UTF-16"));
    }

    // Junk without commas, quotes or line ends is one field per line: never a row, always a reject.
    private BrokenFile junkLines() {
        Builder builder = sessions(2);
        for (int i = 0; i < 20; i++) {
            byte[] junk = new byte[1 + random.nextInt(200)];
            for (int j = 0; j < junk.length; j++) {
                byte b;
                do {
                    b = (byte) random.nextInt(256);
                } while (b == ',' || b == '"' || b == '\n' || b == '\r');
                junk[j] = b;
            }
            builder.record(junk, true, "\n");
        }
        return builder.good(line()).loads("junk-lines.csv");
    }

    private byte[] junk(int length, boolean withLineEnds) {
        byte[] junk = new byte[length];
        for (int i = 0; i < length; i++) {
            byte b = (byte) random.nextInt(256);
            junk[i] = !withLineEnds && b == '\r' ? (byte) '\n' : b;
        }
        return junk;
    }

    private BrokenFile header(String name, String header) {
        return new BrokenFile(name, (header + "\n" + line() + "\n").getBytes(StandardCharsets.UTF_8),
                new Refused("unknown header"));
    }

    // Sessions have no id: two viewers may have the same values, so both rows load.
    private BrokenFile duplicatedSessionRow() {
        String row = line();
        return sessions(2).good(row).good(row).loads("duplicate-session-row.csv");
    }

    private byte[] truncatedGzip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(sessions(2000).bytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] whole = out.toByteArray();
        return Arrays.copyOf(whole, whole.length / 2);
    }
}
