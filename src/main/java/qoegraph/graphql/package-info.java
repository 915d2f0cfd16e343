/**
 * The GraphQL API (docs/architecture.md), assembled by {@link qoegraph.graphql.GraphQLApi} from four stages:
 * {@code schema} (types generated from the model), {@code fetch} (the root fields' fetchers), {@code limits}
 * (refusals before anything runs) and {@code errors} (every error with a code).
 * {@link qoegraph.graphql.schema.SchemaGenerator} makes one root
 * field per dataset, {@code SelectionMapper} turns a root field's selection set into one engine query, and
 * {@code DatasetFetcher} answers it with one SQL statement. The choices clients see:
 *
 * <ul>
 *   <li><b>orderBy</b> is a list of single-key objects of {@code <Dataset>OrderBy}: one optional
 *   {@code OrderDirection} field per dimension and metric name ({@code [{p2pShare: DESC}, {isp: ASC}]}), plus
 *   {@code {field: "h", direction: DESC}} for an alias. graphql-java hands input objects over in schema order,
 *   not query order, so an object with two keys is refused (INVALID_ARGUMENT) rather than guessed.</li>
 *   <li><b>having</b> names metrics like {@code where} names dimensions; a metric that needs {@code q} is
 *   filtered by its output key through {@code having: {selected: [{key: "p95", gt: 1000}]}}.</li>
 *   <li><b>top.by</b> and the <b>partitionBy</b> lists of top and window take the dataset's metric and dimension
 *   enums ({@code top: {n: 3, by: bytes, partitionBy: [deviceId]}}, as clients write it): names, not aliases.</li>
 *   <li>A name that is both a dimension and a metric (traffic {@code bytesIn}) is one field: the metric, or the
 *   bucketed dimension when {@code bucketWidth} / {@code logBase} is given. Its raw values stay filterable in
 *   {@code where}.</li>
 *   <li><b>Scalars</b>: counts, integer sums and ranks are {@code Long} (exact); a window that yields a fraction
 *   on a Long metric (SHARE, ...) sends the fraction; a Long beyond 2^53 (JavaScript's exact range) is sent as a
 *   string of digits. 64-bit identifiers are {@code ID}: strings. Time dimensions are {@code TimeValue}: an RFC 3339
 *   date-time in the query's zone, the participant's local time with their own offset for PARTICIPANT, or a
 *   number for {@code part}. Filters take {@code DateTime} values with an offset.</li>
 *   <li><b>Root fields are nullable</b>: one that fails is null with its error; the others keep their rows.</li>
 *   <li><b>extensions</b>: {@code extensions.fields.<path>} (the response path of each dataset or report field,
 *   {@code sessions}, {@code r1.streamHealth}) has {@code table} (later {@code rollup}),
 *   {@code rows}, {@code truncated}, {@code ms}, {@code cached}; the root field argument {@code debug: true} adds
 *   {@code sql} and {@code params}.</li>
 *   <li><b>Errors</b> always carry {@code extensions.code} ({@link qoegraph.query.ErrorCode}): the engine's
 *   codes as they are (INVALID_WINDOW and INVALID_TIMEZONE are codes of their own), graphql-java's validation
 *   errors mapped by {@link qoegraph.graphql.errors.ErrorCodeInstrumentation} (UNKNOWN_FIELD with "did you mean",
 *   INVALID_FILTER for an operator of another type, INVALID_ARGUMENT for a wrong value, INVALID_QUERY for the
 *   rest); {@code path} is the root field, {@code extensions.at} the place inside its arguments or selection.</li>
 *   <li><b>Reports</b> ({@link qoegraph.graphql.fetch.ReportFields}): the root field {@code reports} of type
 *   {@code Reports} has one field per file of {@code queries/reports} ({@code reports { userRanking(country: "fr")
 *   { userId bytes rankInCountry } }}). Arguments are the file's parameters in camelCase ({@code n_fr} is
 *   {@code nFr}), nullable when they have a default; rows are {@code <Name>ReportRow} with one field per declared
 *   column in camelCase. Values are bound, never spliced. A value outside the declared range, or null for a
 *   parameter whose default is not null, is INVALID_ARGUMENT; a failure while running is INTERNAL (details only in
 *   the log). {@code extensions.fields.reports.<field>} has {@code report}, {@code rows}, {@code truncated},
 *   {@code ms}. {@code catalog.reports} lists them with their parameters and columns.</li>
 * </ul>
 */
package qoegraph.graphql;
