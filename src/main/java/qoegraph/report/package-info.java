/**
 * Reports: SQL files in {@code queries/reports} that become typed GraphQL fields. A file is a header of
 * {@code --} lines, then one statement:
 *
 * <pre>
 * -- name: deviceLocations                         (the GraphQL field: lowerCamelCase)
 * -- description: Per device, the share of ...      (repeat the line to continue)
 * -- param: n Int = 3 range 1..100 | How many top locations.    (no "= ...": required; "= null": optional, none)
 * -- column: device_id Int | The device's id.      (in the order the SELECT returns them)
 * SELECT ... WHERE s.slot &lt;= :n
 * </pre>
 *
 * Types are Int, Long, Float, String, Boolean, DateTime (given with an offset, bound as a UTC timestamp). Each
 * {@code :name} becomes {@code CAST(? AS <type>)} and is bound in text order, repeats included; {@code ::} casts,
 * literals and comments are left alone. {@link qoegraph.report.Reports#load} collects every header problem
 * (unknown type, parameter used but not declared or declared but unused, more than one statement) with file and
 * line; {@link qoegraph.report.Reports#check} prepares each statement on the database and compares its result
 * columns (names, order, types) with the declared ones. Either failure stops the server's start.
 */
package qoegraph.report;
