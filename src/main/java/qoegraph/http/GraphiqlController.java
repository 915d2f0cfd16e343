package qoegraph.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * GraphiQL from the jar. micronaut-graphql's own page loads React and GraphiQL from a public CDN and stays on
 * "Loading..." offline; this page loads them from the webjars ({@code /webjars/**}, a static-resource mapping in
 * application.yml) and opens with the cookbook's queries as tabs ({@code /graphiql/examples.json}). Off with
 * {@code qoegraph.graphiql.enabled: false}.
 */
@Controller
@Requires(property = "qoegraph.graphiql.enabled", notEquals = "false")
public class GraphiqlController {
    private final String page;
    private final String examples;

    public GraphiqlController(@Value("${graphql.path:/graphql}") String graphqlPath) {
        this.page = read("graphiql/index.html").replace("{{graphqlPath}}", graphqlPath);
        this.examples = read("graphiql/examples.json");
    }

    @Get("/graphiql")
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        return page;
    }

    /** The named example queries the page opens as tabs: the README cookbook's blocks. */
    @Get("/graphiql/examples.json")
    @Produces(MediaType.APPLICATION_JSON)
    public String examples() {
        return examples;
    }

    private static String read(String resource) {
        try (InputStream in = GraphiqlController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
