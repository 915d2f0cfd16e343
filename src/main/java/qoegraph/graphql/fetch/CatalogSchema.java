package qoegraph.graphql.fetch;

import qoegraph.graphql.errors.ApiException;
import qoegraph.query.ErrorCode;
import qoegraph.graphql.schema.ApiScalars;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import qoegraph.catalog.CatalogReader;
import qoegraph.catalog.FileEntry;
import qoegraph.model.Model;
import qoegraph.report.Reports;
import qoegraph.rollup.Rollups;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLArgument.newArgument;
import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;
import static graphql.schema.GraphQLObjectType.newObject;
import static qoegraph.graphql.schema.FieldDocs.documented;

/**
 * The {@code catalog} root field: the datasets of the model, and what has been ingested, table by table and
 * file by file, with the lines each ingest rejected. Field values come from the catalog records by property name.
 */
public final class CatalogSchema {

    static final int DEFAULT_REJECTS = 100;
    static final int MAX_REJECTS = 10_000;

    private final CatalogReader reader;
    private final Executor blocking;
    private final Model model;
    private final Reports reports;

    public CatalogSchema(CatalogReader reader, Executor blocking, Model model, Reports reports) {
        this.reader = reader;
        this.blocking = blocking;
        this.model = model;
        this.reports = reports;
    }

    private Rollups rollups = Rollups.none();
    private KnownValues knownValues;

    /** Where {@code catalog.datasets.dimensions.values} come from. */
    public CatalogSchema knownValues(KnownValues values) {
        this.knownValues = values;
        return this;
    }

    /** The rollups {@code catalog.rollups} lists. */
    public CatalogSchema rollups(Rollups list) {
        this.rollups = list;
        return this;
    }

    public void addTo(GraphQLObjectType.Builder query, GraphQLCodeRegistry.Builder code) {
        query.field(newFieldDefinition().name("catalog")
                .description("What qoegraph holds: the datasets to query, the reports, the ingested tables and files.")
                .type(catalogType()));
        code.dataFetcher(FieldCoordinates.coordinates("Query", "catalog"), (DataFetcher<Object>) env -> Map.of());
        List<Map<String, Object>> datasets = DatasetCatalog.data(model);
        code.dataFetcher(FieldCoordinates.coordinates("Catalog", "datasets"), (DataFetcher<Object>) env -> datasets);
        List<Map<String, Object>> reportData = ReportFields.catalogData(reports);
        code.dataFetcher(FieldCoordinates.coordinates("Catalog", "reports"), (DataFetcher<Object>) env -> reportData);
        code.dataFetcher(FieldCoordinates.coordinates("Catalog", "rollups"), RollupCatalogFields.fetcher(rollups));
        code.dataFetcher(FieldCoordinates.coordinates("DimensionInfo", "values"), Fetchers.blocking(env -> {
            Map<?, ?> dimension = env.getSource();
            return knownValues == null ? null
                    : knownValues.of((String) dimension.get("dataset"), (String) dimension.get("name"));
        }, blocking));
        code.dataFetcher(FieldCoordinates.coordinates("Rollup", "inUse"), RollupCatalogFields.inUse(rollups));
        code.dataFetcher(FieldCoordinates.coordinates("Catalog", "tables"),
                Fetchers.blocking(env -> reader.tables(), blocking));
        code.dataFetcher(FieldCoordinates.coordinates("Catalog", "files"),
                Fetchers.blocking(env -> reader.files(), blocking));
        code.dataFetcher(FieldCoordinates.coordinates("IngestedFile", "rejects"), Fetchers.blocking(env -> {
            int limit = env.getArgumentOrDefault("limit", DEFAULT_REJECTS);
            if (limit < 0 || limit > MAX_REJECTS) {
                throw new ApiException(ErrorCode.LIMIT_EXCEEDED,
                        "rejects(limit: " + limit + ") must be between 0 and " + MAX_REJECTS);
            }
            return reader.rejects(((FileEntry) env.getSource()).fileId(), limit);
        }, blocking));
    }

    private static GraphQLObjectType catalogType() {
        return newObject().name("Catalog").description("The datasets, the reports and the ingested data.")
                .field(DatasetCatalog.field())
                .field(RollupCatalogFields.field())
                .field(ReportFields.catalogField())
                .field(documented("tables", nonNull(list(nonNull(tableType()))),
                        "Every data table with its row count and the totals of its ingested files."))
                .field(documented("files", nonNull(list(nonNull(fileType()))), "Every ingested file, oldest first."))
                .build();
    }

    private static GraphQLObjectType tableType() {
        return newObject().name("IngestedTable").description("A table and what its files' ingests reported.")
                .field(documented("name", nonNull(GraphQLString), "Table name."))
                .field(documented("rows", nonNull(ApiScalars.LONG), "Rows in the table now (count)."))
                .field(documented("files", nonNull(GraphQLInt), "Files ingested into it (count)."))
                .field(documented("linesRead", nonNull(ApiScalars.LONG),
                        "Data lines read from its files (count; = loaded + rejected)."))
                .field(documented("loaded", nonNull(ApiScalars.LONG), "Lines loaded as rows (count)."))
                .field(documented("rejected", nonNull(ApiScalars.LONG),
                        "Malformed lines kept in the rejects instead of loaded (count)."))
                .field(documented("incomplete", nonNull(ApiScalars.LONG),
                        "Loaded rows with a missing value, stored as NULL (count)."))
                .field(documented("lastIngestedAt", ApiScalars.DATE_TIME, "When its last file was ingested."))
                .build();
    }

    private static GraphQLObjectType fileType() {
        return newObject().name("IngestedFile").description("One ingested file.")
                .field(documented("fileId", nonNull(GraphQLInt), "Ingest id of the file."))
                .field(documented("path", nonNull(GraphQLString), "Path the file was read from."))
                .field(documented("sha256", nonNull(GraphQLString), "SHA-256 of its content: the same content is never ingested twice."))
                .field(documented("table", nonNull(GraphQLString), "Table it was ingested into."))
                .field(documented("linesRead", nonNull(ApiScalars.LONG), "Data lines read (count)."))
                .field(documented("loaded", nonNull(ApiScalars.LONG), "Lines loaded (count)."))
                .field(documented("rejected", nonNull(ApiScalars.LONG), "Lines rejected (count)."))
                .field(documented("incomplete", nonNull(ApiScalars.LONG), "Rows loaded with a missing value (count)."))
                .field(documented("ingestedAt", nonNull(ApiScalars.DATE_TIME), "When it was ingested."))
                .field(documented("millis", nonNull(ApiScalars.LONG), "How long the ingest took (milliseconds)."))
                .field(newFieldDefinition().name("rejects")
                        .description("The rejected lines: line number in the file (the header is line 1), raw text and reason.")
                        .argument(newArgument().name("limit").type(GraphQLInt).defaultValueProgrammatic(DEFAULT_REJECTS)
                                .description("At most this many lines (0.." + MAX_REJECTS + ")."))
                        .type(nonNull(list(nonNull(rejectType())))))
                .build();
    }

    private static GraphQLObjectType rejectType() {
        return newObject().name("RejectedLine").description("A line ingest could not load.")
                .field(documented("line", nonNull(ApiScalars.LONG), "Line number in the file (the header is line 1)."))
                .field(documented("raw", GraphQLString, "The line's text as read."))
                .field(documented("reason", nonNull(GraphQLString), "Why it was not loaded."))
                .build();
    }
}
