package qoegraph.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.Optional;
import java.util.function.Function;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads the model directory: {@code sources.yml} (the ingested tables and their columns, read by the same
 * {@link SourceTablesLoader} as ingest uses) and one file per
 * dataset in {@code datasets/*.yml}. Every problem in every file is collected with its file and key, and
 * the load fails once with all of them, so a model author fixes a whole model in one round.
 */
public final class ModelLoader {
    private static final String SOURCES = "sources.yml";
    private static final String DATASETS = "datasets";
    private static final Object PARSE_FAILED = new Object();
    /** A {@code sql: "..."} value on one line, as every expression of the repository's model is written. */
    private static final Pattern SQL_VALUE = Pattern.compile("\\bsql:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ModelLoader() {
    }

    /**
     * @param dir the model directory, e.g. {@code queries/model}
     * @throws ModelException listing every error
     */
    public static Model load(Path dir) {
        ModelErrors errors = new ModelErrors();
        SourceTablesLoader sources = new SourceTablesLoader(dir.resolve(SOURCES), SOURCES);
        DatasetReader reader = new DatasetReader(sources.read());
        sources.errors().forEach(errors::add);
        Map<String, Dataset> datasets = new LinkedHashMap<>();
        for (Path file : datasetFiles(dir.resolve(DATASETS), errors)) {
            String fileName = DATASETS + "/" + file.getFileName();
            Object document = parse(file, fileName, errors);
            if (document == PARSE_FAILED) {
                continue;
            }
            if (!(document instanceof Map)) {
                errors.add(fileName, "", "expected a mapping at the top level");
                continue;
            }
            Dataset dataset = reader.read(stem(file), new Section(fileName, "", (Map<?, ?>) document, errors));
            if (dataset != null && datasets.putIfAbsent(dataset.name(), dataset) != null) {
                errors.add(fileName, "name", "dataset '" + dataset.name() + "' is declared twice");
            }
        }
        errors.throwIfAny();
        return new Model(datasets);
    }

    /**
     * Checks every {@code sql:} expression of the dataset files (dimensions, metrics, joins) with an engine's
     * {@code unsupported} test, so that a model one engine cannot run stops the start there, naming file and line.
     *
     * @throws ModelException listing every expression the engine cannot run
     */
    public static void checkExpressions(Path dir, String engine, Function<String, Optional<String>> unsupported) {
        ModelErrors errors = new ModelErrors();
        List<String> problems = new ArrayList<>();
        for (Path file : datasetFiles(dir.resolve(DATASETS), errors)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new ModelException(List.of(file + ": cannot read: " + e.getMessage()));
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().startsWith("#")) {
                    continue; // a comment
                }
                Matcher sql = SQL_VALUE.matcher(lines.get(i));
                while (sql.find()) {
                    String expression = sql.group(1).replace("\\\"", "\"");
                    int line = i + 1;
                    unsupported.apply(expression).ifPresent(why -> problems.add(DATASETS + "/" + file.getFileName()
                            + ":" + line + ": sql \"" + expression + "\" cannot run on " + engine + ": " + why));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ModelException(problems);
        }
    }

    private static List<Path> datasetFiles(Path dir, ModelErrors errors) {
        if (!Files.isDirectory(dir)) {
            errors.add(DATASETS, "", "no such directory " + dir);
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            errors.add(DATASETS, "", "cannot list: " + e.getMessage());
            return List.of();
        }
    }

    private static Object parse(Path file, String fileName, ModelErrors errors) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml(new SafeConstructor(options)).load(in);
        } catch (IOException e) {
            errors.add(fileName, "", "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            errors.add(fileName, "", "not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        return PARSE_FAILED;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".yml".length());
    }
}
