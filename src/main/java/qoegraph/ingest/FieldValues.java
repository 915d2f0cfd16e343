package qoegraph.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The distinct values of one CSV field over a file, as DuckDB's reader gives them, collected by the scanner at
 * next to no cost per record: the field's raw bytes (quotes included) are looked up in a small open-addressing
 * table without allocating, and only a raw form not seen before is copied and decoded. Past
 * {@link #MAX_FORMS} forms it stops and reports {@link #overflowed()}: the column is not low-cardinality after
 * all, and the caller asks DuckDB instead.
 */
final class FieldValues {

    static final int MAX_FORMS = 1 << 16;

    private byte[][] forms = new byte[64][];
    private int[] hashes = new int[64];
    private int size;
    private boolean overflowed;
    private final Set<String> values = new HashSet<>();

    /** Adds the field whose raw bytes are {@code b[from, to)} (a CRLF's carriage return may end them). */
    void add(byte[] b, int from, int to) {
        if (overflowed) {
            return;
        }
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + b[i];
        }
        int mask = forms.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            byte[] form = forms[slot];
            if (form == null) {
                insert(slot, hash, Arrays.copyOfRange(b, from, to));
                return;
            }
            if (hashes[slot] == hash && Arrays.equals(form, 0, form.length, b, from, to)) {
                return;
            }
        }
    }

    boolean overflowed() {
        return overflowed;
    }

    /** The values seen (NULL, an empty unquoted field, is not a value). */
    Set<String> values() {
        return Set.copyOf(values);
    }

    private void insert(int slot, int hash, byte[] form) {
        if (size == MAX_FORMS) {
            overflowed = true;
            return;
        }
        forms[slot] = form;
        hashes[slot] = hash;
        size++;
        String value = decode(form);
        if (value != null) {
            values.add(value);
        }
        if (size * 2 > forms.length) {
            grow();
        }
    }

    private void grow() {
        byte[][] oldForms = forms;
        int[] oldHashes = hashes;
        forms = new byte[oldForms.length * 2][];
        hashes = new int[forms.length];
        int mask = forms.length - 1;
        for (int i = 0; i < oldForms.length; i++) {
            if (oldForms[i] != null) {
                int slot = mix(oldHashes[i]) & mask;
                while (forms[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                forms[slot] = oldForms[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }

    /**
     * A field as DuckDB's strict reader gives it: unquoted, the bytes as they are (empty is NULL); quoted, the text
     * between the quotes with {@code ""} as one quote, and what follows the closing quote (spaces) dropped.
     */
    static String decode(byte[] raw) {
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        if (length == 0) {
            return null;
        }
        if (raw[0] != '"') {
            return new String(raw, 0, length, StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream(length);
        for (int i = 1; i < length; i++) {
            if (raw[i] == '"') {
                if (i + 1 < length && raw[i + 1] == '"') {
                    i++;
                } else {
                    break;
                }
            }
            text.write(raw[i]);
        }
        return text.toString(StandardCharsets.UTF_8);
    }
}
