package qoegraph.graphql.fetch;

import qoegraph.graphql.errors.ApiException;
import qoegraph.query.ErrorCode;
import qoegraph.graphql.schema.ApiScalars;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLArgument.newArgument;
import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;
import static graphql.schema.GraphQLObjectType.newObject;
import static qoegraph.graphql.schema.FieldDocs.documented;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import qoegraph.admin.AdminException;
import qoegraph.admin.DataAdmin;
import qoegraph.ingest.IngestException;
import qoegraph.ingest.IngestResult;
import qoegraph.ingest.IngestStatus;
import qoegraph.security.Role;

/**
 * The admin mutations, {@code ingest} and {@code refreshRollups}. They are always in the schema (one SDL for
 * every deployment), and answer UNAUTHORIZED unless the request carries the admin token; on a server without
 * an admin token they are off for everyone.
 */
public final class MutationFields {
    /** Set in the GraphQL context when a mutation runs, so that nothing keeps its answer for a later request. */
    public static final String MUTATED = "qoegraph.mutated";
    private static final GraphQLTypeReference ROLLUP = GraphQLTypeReference.typeRef("Rollup");

    private MutationFields() {
    }

    /** @param admin null: no admin token is configured, so the mutations are off */
    public static GraphQLSchema addTo(GraphQLSchema schema, DataAdmin admin, Executor blocking) {
        GraphQLObjectType mutation = newObject().name("Mutation")
                .description("Admin operations; each needs the admin token (Authorization: Bearer <token>).")
                .field(ingestField()).field(refreshField()).build();
        GraphQLCodeRegistry code = schema.getCodeRegistry().transform(c -> c
                .dataFetcher(FieldCoordinates.coordinates("Mutation", "ingest"),
                        Fetchers.blocking(guarded(admin, "ingest", call -> ingest(call.admin(), call.env().getArgument("paths"))), blocking))
                .dataFetcher(FieldCoordinates.coordinates("Mutation", "refreshRollups"),
                        Fetchers.blocking(guarded(admin, "refreshRollups", call -> call.admin().refreshRollups().stream()
                                .map(RollupCatalogFields::data).toList()), blocking)));
        return schema.transform(b -> b.mutation(mutation).codeRegistry(code));
    }

    private record Call(DataAdmin admin, DataFetchingEnvironment env) {
    }

    private interface Action {
        Object run(Call call);
    }

    private static DataFetcher<Object> guarded(DataAdmin admin, String name, Action action) {
        return env -> {
            env.getGraphQlContext().put(MUTATED, true);
            if (admin == null) {
                throw new ApiException(ErrorCode.UNAUTHORIZED, name + " is off on this server: it has no admin"
                        + " token. Set qoegraph.security.admin-token (QOEGRAPH_SECURITY_ADMIN_TOKEN) to enable the"
                        + " mutations.");
            }
            if (!Caller.of(env).has(Role.ADMIN)) {
                throw new ApiException(ErrorCode.UNAUTHORIZED, name + " needs the admin token: send the header"
                        + " 'Authorization: Bearer <admin token>'.");
            }
            return translated(() -> action.run(new Call(admin, env)));
        };
    }

    private static Object translated(Supplier<Object> work) {
        try {
            return work.get();
        } catch (AdminException e) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
        } catch (IngestException e) {
            throw new ApiException(ErrorCode.INGEST_FAILED, e.getMessage());
        }
    }

    private static Map<String, Object> ingest(DataAdmin admin, List<String> paths) {
        DataAdmin.IngestOutcome outcome = admin.ingest(paths);
        Map<String, Object> out = new LinkedHashMap<>();
        List<IngestResult> files = outcome.files();
        out.put("files", files.stream().map(f -> file(admin, f)).toList());
        out.put("linesRead", files.stream().mapToLong(IngestResult::linesRead).sum());
        out.put("loaded", files.stream().mapToLong(IngestResult::loaded).sum());
        out.put("rejected", files.stream().mapToLong(IngestResult::rejected).sum());
        out.put("incomplete", files.stream().mapToLong(IngestResult::incomplete).sum());
        out.put("rollups", outcome.rollups().stream().map(RollupCatalogFields::data).toList());
        return out;
    }

    private static Map<String, Object> file(DataAdmin admin, IngestResult f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", admin.display(f.file()));
        out.put("table", f.table());
        out.put("status", f.status());
        out.put("linesRead", f.linesRead());
        out.put("loaded", f.loaded());
        out.put("rejected", f.rejected());
        out.put("incomplete", f.incomplete());
        out.put("millis", f.took().toMillis());
        return out;
    }

    private static GraphQLFieldDefinition ingestField() {
        return newFieldDefinition().name("ingest")
                .description("Ingests files or folders (every *.csv and *.csv.gz in a folder) from the server's ingest"
                        + " folder (qoegraph.security.ingest-dir), each file in one transaction; a file already"
                        + " ingested (same content) is skipped. Rollups are withdrawn during the ingest (queries read"
                        + " the base tables) and rebuilt after it. Needs the admin token.")
                .argument(newArgument().name("paths").type(nonNull(list(nonNull(GraphQLString))))
                        .description("Files or folders, relative to the ingest folder (e.g. \"sample/sessions.csv\")."))
                .type(outcomeType()).build();
    }

    private static GraphQLFieldDefinition refreshField() {
        return newFieldDefinition().name("refreshRollups")
                .description("Rebuilds every rollup from the base tables, each swapped in atomically. Needs the admin"
                        + " token.")
                .type(list(nonNull(ROLLUP))).build();
    }

    private static GraphQLObjectType outcomeType() {
        return newObject().name("IngestOutcome").description("What an ingest did.")
                .field(documented("files", nonNull(list(nonNull(fileType()))), "One entry per file, in ingest order."))
                .field(documented("linesRead", nonNull(ApiScalars.LONG), "Data lines read, all files (count)."))
                .field(documented("loaded", nonNull(ApiScalars.LONG), "Rows loaded, all files (count)."))
                .field(documented("rejected", nonNull(ApiScalars.LONG),
                        "Lines kept in the rejects table instead of loaded (count); catalog.rejects lists them."))
                .field(documented("incomplete", nonNull(ApiScalars.LONG), "Loaded rows with a missing value (count)."))
                .field(documented("rollups", nonNull(list(nonNull(ROLLUP))), "The rollups as rebuilt after the ingest."))
                .build();
    }

    private static GraphQLObjectType fileType() {
        GraphQLEnumType status = GraphQLEnumType.newEnum().name("IngestStatus")
                .description("What happened to a file.")
                .value(IngestStatus.INGESTED.name(), IngestStatus.INGESTED, "Read and loaded.")
                .value(IngestStatus.SKIPPED_DUPLICATE.name(), IngestStatus.SKIPPED_DUPLICATE,
                        "Already ingested (same content): nothing read or loaded this time.")
                .build();
        return newObject().name("IngestFileResult").description("One file of an ingest.")
                .field(documented("path", nonNull(GraphQLString), "The file, relative to the ingest folder."))
                .field(documented("table", nonNull(GraphQLString), "The table it went into."))
                .field(documented("status", nonNull(status), "Ingested or skipped."))
                .field(documented("linesRead", nonNull(ApiScalars.LONG), "Data lines read (count): loaded + rejected."))
                .field(documented("loaded", nonNull(ApiScalars.LONG), "Rows loaded (count)."))
                .field(documented("rejected", nonNull(ApiScalars.LONG), "Lines rejected (count)."))
                .field(documented("incomplete", nonNull(ApiScalars.LONG), "Loaded rows with a missing value (count)."))
                .field(documented("millis", nonNull(ApiScalars.LONG), "Time taken (milliseconds)."))
                .build();
    }

}
