package qoegraph.sql;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One result row: its values in an array, read as a map of output key to value in key order, like the
 * {@code LinkedHashMap} it replaces (equal to it, same hash and text) but read-only and without a map per row: the
 * rows of one statement share their {@link Keys}. 100,000 rows of 6 columns were 100,000 maps of 6 nodes each.
 */
public final class Row extends AbstractMap<String, Object> {
    private final Keys keys;
    private final Object[] values;

    Row(Keys keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** The keys this row shares with the other rows of its statement. */
    public Keys keys() {
        return keys;
    }

    /** The value at {@code slot}, a position of {@link #keys()} (see {@link Keys#slot}). */
    public Object value(int slot) {
        return values[slot];
    }

    @Override
    public Object get(Object key) {
        int slot = keys.slot(key);
        return slot < 0 ? null : values[slot];
    }

    @Override
    public boolean containsKey(Object key) {
        return keys.slot(key) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int slot = next++;
                        return new SimpleImmutableEntry<>(keys.names[slot], values[slot]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    /** The output keys of a statement's rows, each once, in the order a row lists them. */
    public static final class Keys {
        private final String[] names;
        private final Map<String, Integer> slots;

        private Keys(String[] names) {
            this.names = names;
            this.slots = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                slots.put(names[i], i);
            }
        }

        /**
         * The keys of {@code columns}, each at its first place (as a map that is put in column order keeps them);
         * {@code slotOfColumn} gets each column's slot, the last column of a key giving the value.
         */
        static Keys of(List<OutputColumn> columns, int[] slotOfColumn) {
            Map<String, Integer> first = new java.util.LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                Integer slot = first.putIfAbsent(columns.get(c).key(), first.size());
                slotOfColumn[c] = slot == null ? first.size() - 1 : slot;
            }
            return new Keys(first.keySet().toArray(String[]::new));
        }

        /** The position of {@code key} in every row with these keys, or -1. */
        public int slot(Object key) {
            Integer slot = slots.get(key);
            return slot == null ? -1 : slot;
        }

        public int size() {
            return names.length;
        }

        @Override
        public String toString() {
            return Arrays.toString(names);
        }
    }
}
