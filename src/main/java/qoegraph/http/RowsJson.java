package qoegraph.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import qoegraph.graphql.fetch.CompletedRows;

import java.io.IOException;
import java.util.List;

/**
 * Writes {@link CompletedRows} as Jackson writes the list of maps graphql-java completes: each value as its
 * own class's serializer writes it (so numbers as {@link PlainNumbers}), text, whole numbers and booleans directly,
 * and no row map is built.
 */
final class RowsJson extends JsonSerializer<CompletedRows> {
    @Override
    public void serialize(CompletedRows rows, JsonGenerator json, SerializerProvider provider) throws IOException {
        List<String> keys = rows.keys();
        json.writeStartArray(rows, rows.size());
        for (int r = 0; r < rows.size(); r++) {
            json.writeStartObject();
            for (int c = 0; c < keys.size(); c++) {
                json.writeFieldName(keys.get(c));
                Object value = rows.value(r, c);
                if (value instanceof String text) {
                    json.writeString(text);
                } else if (value instanceof Long whole) {
                    json.writeNumber(whole);
                } else if (value instanceof Integer whole) {
                    json.writeNumber(whole);
                } else if (value instanceof Boolean flag) {
                    json.writeBoolean(flag);
                } else {
                    provider.defaultSerializeValue(value, json);
                }
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
