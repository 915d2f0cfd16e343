package qoegraph.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** POSTs GraphQL to a test server with the JDK's client, so that 401s come back as responses, not exceptions. */
record Http(URL server, HttpClient client, ObjectMapper json) {

    static Http to(URL server) {
        return new Http(server, HttpClient.newHttpClient(), new ObjectMapper());
    }

    record Answer(int status, Map<String, Object> body, HttpResponse<String> raw) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data() {
            return (Map<String, Object>) body.get("data");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors() {
            return (List<Map<String, Object>>) body.get("errors");
        }

        @SuppressWarnings("unchecked")
        String firstCode() {
            return (String) ((Map<String, Object>) errors().get(0).get("extensions")).get("code");
        }

        String firstMessage() {
            return (String) errors().get(0).get("message");
        }
    }

    /** @param token null: no Authorization header */
    @SuppressWarnings("unchecked")
    Answer post(String query, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json.readValue(response.body(), Map.class), response);
    }
}
