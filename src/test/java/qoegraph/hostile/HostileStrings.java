package qoegraph.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Text an attacker or a careless client puts into string arguments: SQL, quoting, escapes, odd Unicode. */
final class HostileStrings {

    static final List<String> FIXED = List.of(
            "'; DROP TABLE sessions; --", "\" OR 1=1 --", "' OR '1'='1", "') OR ('1'='1", "1; DELETE FROM users",
            "$$", "$$; DROP TABLE sessions; $$", "$1", "?", ":name", "\\", "\\'", "\\\"", "\\\\", "\u0000",
            "a\u0000b", "%", "_", "%%", "a%b", "a_b%c", "%' OR 1=1 --", "'", "''", "\"", "`", "--", "/*", "*/",
            ";", "NULL", "null", "\\N", "ünïcödé 日本", "\uD83D\uDE00", "emoji \uD83D\uDE00", "\u202Egnp.exe",
            "\r\n", "\t", "tab\there", "line\nbreak", "O'Brien \"quoted\"", "back\\slash", "$$dollar$$",
            "BTP", "Fro", "Iron", "BTP ", " BTP", "btp", "Datch Telecam", "Straße", "STRASSE", "${jndi:ldap://x/a}",
            "{{7*7}}", "<script>alert(1)</script>", "../../etc/passwd", "E'\\x41'", "x'00'", "\uFEFF", "\u00A0",
            "İ", "ı", "read_csv('/etc/passwd')", "'||(SELECT version())||'", "UNION SELECT * FROM _ingest_files",
            "", " ", "fr", "uk", "FR", "fr'--", "Europe/Paris", "UTC", "PARTICIPANT", "[a-z]*", ".*", "^$");

    private static final String SPECIALS = "'\"\\%_$;-/*`\u0000\t\r\n{}[]():,.=<>!|&^~#@";

    private HostileStrings() {
    }

    /** A hostile or random string, at most {@code max} characters (huge ones are made elsewhere). */
    static String any(SplittableRandom random, int max) {
        int kind = random.nextInt(10);
        if (kind < 5) {
            return FIXED.get(random.nextInt(FIXED.size()));
        }
        if (kind < 7) {
            return FIXED.get(random.nextInt(FIXED.size())) + FIXED.get(random.nextInt(FIXED.size()));
        }
        int length = random.nextInt(max + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(kind == 9 ? unicode(random) : SPECIALS.charAt(random.nextInt(SPECIALS.length())));
        }
        return text.toString();
    }

    /** A random code point, astral planes included, never a lone surrogate. */
    static int unicode(SplittableRandom random) {
        while (true) {
            int c = random.nextInt(random.nextBoolean() ? 0x800 : 0x110000);
            if (c < 0xD800 || c > 0xDFFF) {
                return c;
            }
        }
    }

    /** A string of about {@code length} characters. */
    static String huge(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length + 32);
        while (text.length() < length) {
            text.append(FIXED.get(random.nextInt(FIXED.size())));
        }
        return text.toString();
    }

    static List<String> list(SplittableRandom random, int size) {
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(any(random, 12));
        }
        return values;
    }

    /** The text as a GraphQL string literal: quotes, backslashes and control characters escaped. */
    static String literal(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
