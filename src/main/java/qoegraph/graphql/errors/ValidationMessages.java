package qoegraph.graphql.errors;

import qoegraph.query.ErrorCode;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import qoegraph.model.Names;
import qoegraph.query.Operator;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites graphql-java's validation messages (which quote AST dumps such as {@code ObjectValue{...}}) into
 * ones a person can act on, with our code and a "did you mean" from the schema's names. graphql-java only
 * gives us the text, so the parts are taken from its (stable, English) message formats.
 */
final class ValidationMessages {
    record Rewrite(ErrorCode code, String message, String at) {
    }

    private static final Pattern PREFIX = Pattern.compile("^Validation error \\([^)]*\\) : ");
    private static final Pattern UNDEFINED_FIELD = Pattern.compile("Field '(.+?)' in type '(.+?)' is undefined");
    private static final Pattern UNKNOWN_ARGUMENT = Pattern.compile("Unknown field argument '(.+?)'");
    private static final Pattern MISSING_ARGUMENT = Pattern.compile("Missing field argument '(.+?)'");
    private static final Pattern ARGUMENT = Pattern.compile("^argument '(.+?)' with value ");
    private static final Pattern EXTRA_FIELD = Pattern.compile("contains a field not in '(.+?)': '(.+?)'$");
    private static final Pattern NOT_VALID = Pattern.compile("with value '(.*)' is not a valid '(.+?)'(?: - (.*))?$");
    private static final Pattern MISSING_FIELDS = Pattern.compile("is missing required fields '\\[(.+)]'$");
    private static final Pattern NOT_OBJECT = Pattern.compile("with value '(.*)' must be an object type$");
    private static final Pattern AST_VALUE = Pattern.compile("^(String|Int|Float|Boolean|Enum)Value\\{(?:value|name)=(.*)}$");

    private final GraphQLSchema schema;

    ValidationMessages(GraphQLSchema schema) {
        this.schema = schema;
    }

    Rewrite rewrite(ValidationError error) {
        String text = PREFIX.matcher(error.getDescription()).replaceFirst("");
        ValidationErrorType type = error.getValidationErrorType() instanceof ValidationErrorType t ? t : null;
        List<String> path = error.getQueryPath() == null ? List.of() : error.getQueryPath();
        if (type == ValidationErrorType.FieldUndefined) {
            return undefinedField(text);
        }
        if (type == ValidationErrorType.UnknownArgument) {
            return unknownArgument(text, path);
        }
        if (type == ValidationErrorType.MissingFieldArgument) {
            return missingArgument(text, path);
        }
        if (type == ValidationErrorType.WrongType && ARGUMENT.matcher(text).find()) {
            return wrongValue(text, path);
        }
        boolean aboutValues = type == ValidationErrorType.NullValueForNonNullArgument
                || type == ValidationErrorType.VariableTypeMismatch || type == ValidationErrorType.WrongType;
        return new Rewrite(aboutValues ? ErrorCode.INVALID_ARGUMENT : ErrorCode.INVALID_QUERY, text, null);
    }

    private Rewrite undefinedField(String text) {
        Matcher m = UNDEFINED_FIELD.matcher(text);
        if (!m.find()) {
            return new Rewrite(ErrorCode.UNKNOWN_FIELD, text, null);
        }
        String field = m.group(1);
        String typeName = m.group(2);
        List<String> names = schema.getType(typeName) instanceof GraphQLFieldsContainer c
                ? c.getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).toList() : List.of();
        String what = typeName.equals("Query") ? "root field" : "field";
        return new Rewrite(ErrorCode.UNKNOWN_FIELD, "unknown " + what + " '" + field + "' on " + typeName
                + Names.didYouMean(field, names), null);
    }

    private Rewrite unknownArgument(String text, List<String> path) {
        Matcher m = UNKNOWN_ARGUMENT.matcher(text);
        GraphQLFieldDefinition field = fieldAt(path);
        if (!m.find() || field == null) {
            return new Rewrite(ErrorCode.UNKNOWN_FIELD, text, null);
        }
        List<String> names = field.getArguments().stream().map(a -> a.getName()).toList();
        return new Rewrite(ErrorCode.UNKNOWN_FIELD, "unknown argument '" + m.group(1) + "' of " + field.getName()
                + Names.didYouMean(m.group(1), names) + "; it takes " + String.join(", ", names), null);
    }

    private Rewrite missingArgument(String text, List<String> path) {
        Matcher m = MISSING_ARGUMENT.matcher(text);
        GraphQLFieldDefinition field = fieldAt(path);
        if (!m.find() || field == null || field.getArgument(m.group(1)) == null) {
            return new Rewrite(ErrorCode.INVALID_ARGUMENT, text, null);
        }
        String doc = field.getArgument(m.group(1)).getDescription();
        return new Rewrite(ErrorCode.INVALID_ARGUMENT, field.getName() + " needs the argument " + m.group(1)
                + (doc == null ? "" : ": " + doc), m.group(1));
    }

    /** An argument value that does not fit its input type: an unknown input field, a wrong scalar, ... */
    private Rewrite wrongValue(String text, List<String> path) {
        Matcher arg = ARGUMENT.matcher(text);
        arg.find();
        String at = arg.group(1);
        Matcher notObject = NOT_OBJECT.matcher(text);
        if (notObject.find()) {
            return notObject(at, notObject.group(1), path);
        }
        Matcher extra = EXTRA_FIELD.matcher(text);
        if (extra.find()) {
            return extraField(at, extra.group(1), extra.group(2));
        }
        Matcher invalid = NOT_VALID.matcher(text);
        if (invalid.find()) {
            return new Rewrite(ErrorCode.INVALID_ARGUMENT, at + ": " + notValid(invalid.group(1), invalid.group(2),
                    invalid.group(3)), at);
        }
        Matcher missing = MISSING_FIELDS.matcher(text);
        if (missing.find()) {
            return new Rewrite(ErrorCode.INVALID_ARGUMENT, at + ": missing the required field(s) " + missing.group(1), at);
        }
        String plain = text.replaceFirst(" with value '.*' ", " ");
        return new Rewrite(ErrorCode.INVALID_ARGUMENT, plain, at);
    }

    /**
     * A plain value where an input object belongs: {@code where: {connected: true}} means {@code {eq: true}}, so the
     * message says so, with the operators (or fields) the object takes.
     */
    private Rewrite notObject(String at, String astValue, List<String> path) {
        String value = literal(fieldValue(astValue, at));
        GraphQLInputObjectType type = inputTypeAt(at, path);
        if (type == null) {
            return new Rewrite(ErrorCode.INVALID_ARGUMENT, at + ": " + value + " is not an object; write {...}", at);
        }
        List<String> names = type.getFieldDefinitions().stream().map(GraphQLInputObjectField::getName).toList();
        if (type.getName().endsWith("Filter")) {
            String example = names.contains("eq") ? "{eq: " + value + "}" : "{" + names.get(0) + ": " + value + "}";
            return new Rewrite(ErrorCode.INVALID_FILTER, at + ": write " + example + ", not " + value + ": a filter"
                    + " field takes operators, one of " + String.join(", ", names), at);
        }
        return new Rewrite(ErrorCode.INVALID_ARGUMENT, at + ": " + value + " is not an object; " + type.getName()
                + " takes {" + String.join(", ", names) + "}", at);
    }

    /** The input object type at an argument path such as {@code where.and[0].connected}; null when not one. */
    private GraphQLInputObjectType inputTypeAt(String at, List<String> path) {
        GraphQLFieldDefinition field = fieldAt(path);
        String[] steps = at.replaceAll("\\[\\d+]", "").split("\\.");
        if (field == null || field.getArgument(steps[0]) == null) {
            return null;
        }
        GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getArgument(steps[0]).getType());
        for (int i = 1; i < steps.length && type instanceof GraphQLInputObjectType input; i++) {
            GraphQLInputObjectField next = input.getField(steps[i]);
            type = next == null ? null : GraphQLTypeUtil.unwrapAll(next.getType());
        }
        return type instanceof GraphQLInputObjectType input ? input : null;
    }

    /**
     * The value of the input field an argument path ends on, out of the dump of the whole argument
     * ({@code ObjectValue{objectFields=[ObjectField{name='connected', value=BooleanValue{value=true}}]}}); the dump
     * itself when that field is not found.
     */
    private static String fieldValue(String dump, String at) {
        String[] steps = at.replaceAll("\\[\\d+]", "").split("\\.");
        Matcher m = Pattern.compile("name='" + Pattern.quote(steps[steps.length - 1])
                + "', value=((?:String|Int|Float|Boolean|Enum)Value\\{(?:value|name)=[^}]*})").matcher(dump);
        return m.find() ? m.group(1) : dump;
    }

    /** An AST value (a dump, or the printed literal) as the literal a person wrote: "text", 12, true. */
    private static String literal(String astValue) {
        Matcher v = AST_VALUE.matcher(astValue);
        if (!v.find()) {
            return astValue.isBlank() || astValue.length() > 80 ? "the value" : astValue;
        }
        return v.group(1).equals("String") ? "\"" + unquote(v.group(2)) + "\"" : unquote(v.group(2));
    }

    private Rewrite extraField(String at, String typeName, String field) {
        GraphQLType type = schema.getType(typeName);
        List<String> names = type instanceof GraphQLInputObjectType input
                ? input.getFieldDefinitions().stream().map(GraphQLInputObjectField::getName).toList() : List.of();
        if (typeName.endsWith("Filter")) {
            String valueType = typeName.substring(0, typeName.length() - "Filter".length());
            String typo = Operator.fromApiName(field).isPresent() ? "" : Names.didYouMean(field, names);
            return new Rewrite(ErrorCode.INVALID_FILTER, at + ": operator '" + field + "' does not apply to "
                    + valueType + " values" + typo + "; use one of " + String.join(", ", names), at);
        }
        String hint = typeName.endsWith("OrderBy") ? "; to sort by an alias write {field: \"" + field
                + "\", direction: DESC}" : "";
        return new Rewrite(ErrorCode.UNKNOWN_FIELD, at + ": unknown field '" + field + "' in " + typeName
                + Names.didYouMean(field, names) + hint, at);
    }

    private String notValid(String astValue, String typeName, String detail) {
        Matcher v = AST_VALUE.matcher(astValue);
        String value = !v.find() ? "the value" : v.group(1).equals("String") ? "\"" + unquote(v.group(2)) + "\"" : unquote(v.group(2));
        if (schema.getType(typeName) instanceof GraphQLEnumType e) {
            List<String> names = e.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList();
            String bare = value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
            if (value.startsWith("\"") && names.contains(bare)) {
                return value + " is a string, but " + typeName + " is an enum: write " + bare + " without quotes";
            }
            return value + " is not a " + typeName + Names.didYouMean(value, names) + "; use one of " + String.join(", ", names);
        }
        boolean astNoise = detail == null || detail.startsWith("Expected an AST type");
        return value + " is not a valid " + typeName + (astNoise ? "" : " (" + detail + ")");
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
    }

    /** The field definition a query path ends on, following field names from Query; null through an alias. */
    private GraphQLFieldDefinition fieldAt(List<String> path) {
        GraphQLFieldsContainer container = schema.getQueryType();
        GraphQLFieldDefinition field = null;
        for (String name : path) {
            field = container == null ? null : container.getFieldDefinition(name);
            if (field == null) {
                return null;
            }
            GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType());
            container = type instanceof GraphQLFieldsContainer c ? c : null;
        }
        return field;
    }
}
