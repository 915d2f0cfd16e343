package qoegraph.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The errors Micronaut answers itself, before a controller runs (405 method, 406 Accept, 413 too large, 415
 * content type, 404), in the same shape as every GraphQL error: {@code {"errors": [{"message", "extensions":
 * {"code"}}]}} with code BAD_REQUEST, as JSON whatever the Accept header says, so that a client reads one shape
 * only. A 5xx says nothing of its cause (the log has it): Micronaut's default would echo the exception's message.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class GraphQLErrorResponses implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context,
            MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            @SuppressWarnings("unchecked")
            MutableHttpResponse<Map<String, Object>> bodiless = (MutableHttpResponse<Map<String, Object>>) response;
            return bodiless;
        }
        boolean ours = response.code() < 500;
        String message = ours ? message(context, response) : "Internal server error; the server log has the details.";
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("code", ours ? "BAD_REQUEST" : "INTERNAL"));
        return response.body(Map.<String, Object>of("errors", List.of(error))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static String message(ErrorContext context, MutableHttpResponse<?> response) {
        String details = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return details.isBlank() ? response.reason() : details;
    }
}
