package qoegraph.wiring;

import qoegraph.graphql.GraphQLApi;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphqlTypeComparatorRegistry;
import graphql.schema.idl.SchemaPrinter;
import qoegraph.engine.QueryEngine;
import qoegraph.engine.duckdb.DuckDbDialect;
import qoegraph.model.ModelLoader;
import qoegraph.report.Reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SDL of the whole API, for front-end codegen, kept in the repository as {@code schema.graphql}.
 * Refresh it after a model change with {@code ./mvnw -q test -Dtest=SdlFileTest -Dqoegraph.sdl.write=true}
 * (or run {@link #main} from the repository root); {@code SdlFileTest} fails while it is out of date.
 */
public final class SdlFile {
    public static final Path FILE = Path.of("schema.graphql");
    public static final Path MODEL_DIR = Path.of("queries", "model");

    private SdlFile() {
    }

    /** Types in name order, fields in model order: stable output for a stable model. */
    public static String print(GraphQLSchema schema) {
        SchemaPrinter.Options options = SchemaPrinter.Options.defaultOptions()
                .includeDirectives(false).includeScalarTypes(true)
                .setComparators(GraphqlTypeComparatorRegistry.AS_IS_REGISTRY);
        return new SchemaPrinter(options).print(schema);
    }

    /** The SDL of the repository's model and of the reports beside it ({@code ../reports}) with the default limits. */
    public static String generate(Path modelDir) {
        Reports reports = Reports.load(modelDir.toAbsolutePath().getParent().resolve("reports"));
        // the schema comes from the model and the reports alone: no database is opened
        QueryEngine offline = QueryEngine.offline(new DuckDbDialect());
        return print(GraphQLApi.over(ModelLoader.load(modelDir), offline).reports(reports).mutations(null).schema());
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(FILE, generate(MODEL_DIR), StandardCharsets.UTF_8);
        System.out.println("wrote " + FILE.toAbsolutePath());
    }
}
