package qoegraph.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.cors.CorsFilter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Micronaut's CORS filter refuses a request from another origin (CORS off, or an origin not configured) with a bare
 * 403 and no body. This filter, around it, gives that refusal the shape of every other error, with code FORBIDDEN
 * and a message that says how to let a front end on another origin in.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CorsRefusals implements Ordered {

    @ResponseFilter
    public void explain(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String origin = request.getOrigin().orElse(null);
        if (origin == null || response.status() != HttpStatus.FORBIDDEN || response.getBody().isPresent()) {
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "requests from the origin " + origin + " are refused: CORS is off, or this origin is not"
                + " one of its allowed origins. Start the server with micronaut.server.cors.enabled=true and"
                + " micronaut.server.cors.configurations.web.allowed-origins=" + origin + " (README, CORS)");
        error.put("extensions", Map.of("code", "FORBIDDEN"));
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Object> json = (MutableHttpResponse<Object>) response;
        json.body(ResponseJson.write(Map.of("errors", List.of(error)))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Before the CORS filter: its refusal comes back through this filter's response step. */
    @Override
    public int getOrder() {
        return CorsFilter.CORS_FILTER_ORDER - 1;
    }
}
