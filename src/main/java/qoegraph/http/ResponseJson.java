package qoegraph.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import qoegraph.graphql.fetch.CompletedRows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Writes GraphQL answers (maps, lists, numbers, text) as JSON text, every floating or decimal number as
 * {@link PlainNumbers} writes it: the same text the CSV answer has.
 */
final class ResponseJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule("plain-numbers")
            .addSerializer(Double.class, new Plain<>()).addSerializer(Float.class, new Plain<>())
            .addSerializer(BigDecimal.class, new Plain<>()).addSerializer(CompletedRows.class, new RowsJson()));

    private ResponseJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same text as {@link #write}, as UTF-8 bytes written directly. */
    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same bytes as {@link #bytes}, written to {@code out} as they come (a streamed answer). */
    static void write(Object value, OutputStream out) throws IOException {
        MAPPER.writeValue(out, value);
    }

    private static final class Plain<T extends Number> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
            String text = PlainNumbers.text(value);
            if (text == null) {
                json.writeNull();
            } else {
                json.writeNumber(text);
            }
        }
    }
}
