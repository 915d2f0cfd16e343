package qoegraph.http;

import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.micronaut.configuration.graphql.GraphQLController;
import io.micronaut.configuration.graphql.GraphQLJsonSerializer;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import io.micronaut.security.authentication.Authentication;
import qoegraph.cache.CacheConfig;
import qoegraph.cache.DataVersion;
import qoegraph.graphql.fetch.Caller;
import qoegraph.graphql.fetch.MutationFields;
import qoegraph.query.ErrorCode;
import qoegraph.graphql.fetch.RowStreams;
import qoegraph.security.Role;
import qoegraph.security.StaticTokenValidator;
import qoegraph.security.Tokens;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * /graphql as GraphQL over HTTP asks (graphql-over-http spec), in place of micronaut-graphql's controller, which
 * reads no {@code extensions} (so no persisted queries) and knows one media type:
 * <ul>
 * <li>POST a JSON body {@code {query, variables, operationName, extensions}} (or {@code application/graphql});
 *     GET with the same names as parameters, for queries only: a mutation over GET is 405.</li>
 * <li>{@code Accept: application/graphql-response+json} answers with that type, and 400 for a request that could
 *     not run (no {@code data}); {@code application/json} (the default) answers 200 with the errors inside.</li>
 * <li>{@code Accept: text/csv} answers the query's one list of rows as CSV; anything else is a 400 saying why.</li>
 * <li>Persisted queries (APQ) are settled first ({@link PersistedQueries}); GET answers carry HTTP validators
 *     ({@link HttpValidators}). Numbers are written as people write them ({@link ResponseJson}).</li>
 * <li>A dataset field's rows skip graphql-java's per-value completion and the answer is sent as it is written
 *     ({@link StreamedAnswers}; {@code qoegraph.stream.enabled}), with the bytes the whole answer would have.</li>
 * <li>A batch (a JSON array of requests) is refused with a message that says so.</li>
 * <li>The bearer token's roles (Micronaut Security's {@link Authentication}) go into the GraphQL context as a
 *     {@link Caller}; when a query token is configured, a request without it is a 401 before anything runs.</li>
 * </ul>
 */
@Controller("${graphql.path:/graphql}")
@Replaces(GraphQLController.class)
public class GraphQLHttpController {
    static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    static final String TEXT_CSV = "text/csv";

    private final GraphQL graphQL;
    private final GraphQLJsonSerializer json;
    private final Tokens tokens;
    private final ResponseCache responses;
    private final PersistedQueries persistedQueries;
    private final DataVersion dataVersion;
    private final HttpValidators validators;
    private final StreamedAnswers streams;   // null when streaming is off

    public GraphQLHttpController(GraphQL graphQL, GraphQLJsonSerializer json, StaticTokenValidator validator,
                                 CacheConfig cache, DataVersion dataVersion, PersistedQueriesConfig persistedQueries,
                                 StreamConfig stream, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.graphQL = graphQL;
        this.json = json;
        this.tokens = validator.tokens();
        this.responses = cache.enabled()
                ? ResponseCache.of(dataVersion, cache.responseChars())
                : ResponseCache.off();
        this.persistedQueries = PersistedQueries.of(persistedQueries);
        this.dataVersion = dataVersion;
        this.validators = new HttpValidators(tokens.queryTokenRequired());
        this.streams = stream.enabled() ? new StreamedAnswers(blocking) : null;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, TEXT_CSV})
    public CompletableFuture<MutableHttpResponse<byte[]>> get(@Nullable @QueryValue String query,
            @Nullable @QueryValue String operationName, @Nullable @QueryValue String variables,
            @Nullable @QueryValue String extensions, @Nullable Authentication authentication, HttpRequest<?> request) {
        GraphQLRequest graphql;
        try {
            graphql = new GraphQLRequest(query, operationName, map(variables), map(extensions));
        } catch (RuntimeException e) {
            return done(badRequest(request, "variables and extensions must be JSON objects"));
        }
        return execute(graphql, caller(authentication), request, true);
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, "application/graphql"},
            produces = {MediaType.APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, TEXT_CSV})
    public CompletableFuture<MutableHttpResponse<byte[]>> post(@Body String body,
            @Nullable Authentication authentication, HttpRequest<?> request) {
        Caller caller = caller(authentication);
        boolean plain = request.getContentType().map(t -> t.getName().equals("application/graphql")).orElse(false);
        if (plain) {
            return execute(new GraphQLRequest(body, null, null, null), caller, request, false);
        }
        if (body != null && body.stripLeading().startsWith("[")) {
            return done(badRequest(request, "batched requests (a JSON array of operations) are not supported: send one"
                    + " {query, variables, operationName, extensions} object per request, or several root fields,"
                    + " each under its own alias, in one query"));
        }
        GraphQLRequest graphql;
        try {
            Map<String, Object> fields = map(body);
            graphql = new GraphQLRequest((String) fields.get("query"), (String) fields.get("operationName"),
                    cast(fields.get("variables")), cast(fields.get("extensions")));
        } catch (RuntimeException e) {
            return done(badRequest(request,
                    "the body must be a JSON object {query, variables, operationName, extensions}"));
        }
        return execute(graphql, caller, request, false);
    }

    /**
     * The one way every request goes: the token, the persisted query (its hash checked against the text, or its
     * text found by the hash), the GET rules (no mutations; 304 for a validator that still holds), the response
     * cache, graphql-java.
     */
    private CompletableFuture<MutableHttpResponse<byte[]>> execute(GraphQLRequest sent, Caller caller,
                                                                  HttpRequest<?> request, boolean get) {
        if (tokens.queryTokenRequired() && !caller.has(Role.QUERY)) {
            return done(unauthorized(request));
        }
        if (!sent.hasQueryOrHash()) {
            return done(badRequest(request, "no query: send query (or a persisted query's hash in extensions)"));
        }
        PersistedQueries.Outcome persisted = persistedQueries.resolve(sent);
        if (persisted.refused()) {
            return done(respond(errorSpec(persisted.message(), persisted.code()), sent, request, null));
        }
        GraphQLRequest graphql = persisted.request();
        if (get && graphql.isMutation()) {
            return done(failure(request, HttpStatus.METHOD_NOT_ALLOWED, "mutations are refused over GET: use POST")
                    .header(HttpHeaders.ALLOW, HttpMethod.POST.name()));
        }
        long version = dataVersion.current();
        String etag = get ? validators.etag(version, graphql, accepted(request)) : null;
        if (etag != null && HttpValidators.matches(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), etag)) {
            return done(validators.decorate(HttpResponse.<byte[]>status(HttpStatus.NOT_MODIFIED), Map.of(), etag));
        }
        Optional<ResponseCache.Kept> kept = responses.get(graphql);
        if (kept.isPresent()) {
            return done(respond(kept.get(), graphql, request, etag));
        }
        ExecutionInput input = graphql.toExecutionInput(caller);
        if (streams != null) {
            RowStreams.open(input.getGraphQLContext());
        }
        return graphQL.executeAsync(input).thenApply(result -> {
            Map<String, Object> spec = RowStreams.fill(result.toSpecification(), input.getGraphQLContext());
            Runnable keep = () -> responses.put(graphql, version, spec,
                    input.getGraphQLContext().getOrDefault(MutationFields.MUTATED, false));
            MutableHttpResponse<byte[]> streamed = streams == null ? null : streams.respond(spec, accepted(request), keep);
            if (streamed == null) {
                keep.run();
            }
            return respond(spec, graphql, request, etag, streamed);
        }).exceptionally(e -> respond(requestError(e).toSpecification(), graphql, request, null));
    }

    private static Caller caller(Authentication authentication) {
        if (authentication == null) {
            return Caller.ANONYMOUS;
        }
        Set<Role> roles = authentication.getRoles().stream().map(Role::named).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        return new Caller(roles);
    }

    private MutableHttpResponse<byte[]> unauthorized(HttpRequest<?> request) {
        boolean presented = request.getHeaders().getAuthorization().isPresent();
        String message = presented ? "the bearer token is not valid for this server"
                : "this server needs a token for queries: send the header 'Authorization: Bearer <token>'";
        return failure(request, HttpStatus.UNAUTHORIZED, message, ErrorCode.UNAUTHORIZED.name())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"qoegraph\"");
    }

    // graphql-java throws some request errors instead of returning them (an operationName the document
    // lacks: UnknownOperationException); they are the client's mistake, not a 500.
    private static ExecutionResult requestError(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (!(cause instanceof GraphQLError error)) {
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        }
        return ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError().message(error.getMessage())
                .locations(null).errorType(ErrorClassification.errorClassification("INVALID_QUERY"))
                .extensions(Map.of("code", "INVALID_QUERY")).build()).build();
    }

    /** A request error of our own, with no data: {@code {"errors": [{"message", "extensions": {"code"}}]}}. */
    private static Map<String, Object> errorSpec(String message, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("code", code));
        return Map.of("errors", List.of(error));
    }

    /** @param etag the GET answer's validator; null for POST */
    private MutableHttpResponse<byte[]> respond(Map<String, Object> spec, GraphQLRequest graphql, HttpRequest<?> request,
                                                String etag) {
        return respond(spec, graphql, request, etag, null);
    }

    /** @param streamed the answer as it is being written ({@link StreamedAnswers}); null to write it whole here */
    private MutableHttpResponse<byte[]> respond(Map<String, Object> spec, GraphQLRequest graphql, HttpRequest<?> request,
                                                String etag, MutableHttpResponse<byte[]> streamed) {
        MutableHttpResponse<byte[]> response = streamed != null ? streamed
                : accepted(request).equals(TEXT_CSV) ? csv(csv(spec, graphql))
                : json(spec.containsKey("data"), ResponseJson.bytes(spec), request);
        return request.getMethod() == HttpMethod.GET ? validators.decorate(response, spec, etag) : response;
    }

    /** A kept answer: its stored JSON bytes, or its CSV, written at the first hit that asks for it. */
    private MutableHttpResponse<byte[]> respond(ResponseCache.Kept kept, GraphQLRequest graphql, HttpRequest<?> request,
                                                String etag) {
        MutableHttpResponse<byte[]> response = accepted(request).equals(TEXT_CSV)
                ? csv(responses.csv(graphql, kept, spec -> csv(spec, graphql)))
                : json(true, kept.json(), request);
        return request.getMethod() == HttpMethod.GET ? validators.decorate(response, kept.spec(), etag) : response;
    }

    private CsvRows.Answer csv(Map<String, Object> spec, GraphQLRequest graphql) {
        return CsvRows.of(spec, ResponseJson::write, path -> SelectedColumns.of(graphQL.getGraphQLSchema(), graphql, path))
                .answer();
    }

    private static MutableHttpResponse<byte[]> csv(CsvRows.Answer table) {
        if (table.problem() != null) {
            return HttpResponse.<byte[]>status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body((table.problem() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return csvOk(table.body(), table.fileName());
    }

    /** A CSV answer's headers around {@code body} (whole bytes, or a stream of them). */
    static <T> MutableHttpResponse<T> csvOk(T body, String fileName) {
        return HttpResponse.ok(body).contentType(TEXT_CSV + "; charset=utf-8; header=present")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
    }

    /** @param ran the answer has {@code data}: the request could run (else a 400 when GraphQL's own type is asked) */
    private static MutableHttpResponse<byte[]> json(boolean ran, byte[] body, HttpRequest<?> request) {
        String accepted = accepted(request);
        HttpStatus status = accepted.equals(GRAPHQL_RESPONSE_JSON) && !ran ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
        return HttpResponse.<byte[]>status(status).contentType(accepted).body(body);
    }

    /** The first of our three types in the Accept header's order; JSON when it names none of them. */
    static String accepted(HttpRequest<?> request) {
        Collection<MediaType> accept = request.accept();
        for (MediaType type : accept) {
            String name = type.getName();
            if (name.equals(TEXT_CSV) || name.equals(GRAPHQL_RESPONSE_JSON) || name.equals(MediaType.APPLICATION_JSON)) {
                return name;
            }
        }
        return MediaType.APPLICATION_JSON;
    }

    private MutableHttpResponse<byte[]> badRequest(HttpRequest<?> request, String message) {
        return failure(request, HttpStatus.BAD_REQUEST, message);
    }

    private MutableHttpResponse<byte[]> failure(HttpRequest<?> request, HttpStatus status, String message) {
        return failure(request, status, message, "BAD_REQUEST");
    }

    private MutableHttpResponse<byte[]> failure(HttpRequest<?> request, HttpStatus status, String message, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("code", code));
        String type = accepted(request).equals(GRAPHQL_RESPONSE_JSON) ? GRAPHQL_RESPONSE_JSON : MediaType.APPLICATION_JSON;
        return HttpResponse.<byte[]>status(status).contentType(type).body(ResponseJson.bytes(Map.of("errors", List.of(error))));
    }

    private Map<String, Object> map(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return cast(json.deserialize(text, Map.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static CompletableFuture<MutableHttpResponse<byte[]>> done(MutableHttpResponse<byte[]> response) {
        return CompletableFuture.completedFuture(response);
    }
}
