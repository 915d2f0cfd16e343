package qoegraph.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The problems found in a set of files, each naming its place, so that loading fails once with all of them
 * (Cube's ErrorReporter): the model files, {@code sources.yml}, the report files and the rollup files all collect
 * here and throw their own exception at the end.
 */
public final class Problems {
    private final List<String> problems = new ArrayList<>();

    /** At a line of a file: {@code file:line: message}. */
    public void atLine(Object file, int line, String message) {
        problems.add(file + ":" + line + ": " + message);
    }

    /** At a key of a YAML file: {@code file: key: message}, or {@code file: message} when the key is empty. */
    public void atKey(String file, String key, String message) {
        problems.add(key.isEmpty() ? file + ": " + message : file + ": " + key + ": " + message);
    }

    /** A problem whose message already names its place (or the file as a whole). */
    public void add(String located) {
        problems.add(located);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** How many so far: a reader compares it before and after a file to tell whether that file had any. */
    public int size() {
        return problems.size();
    }

    public List<String> list() {
        return List.copyOf(problems);
    }

    /** Throws the exception made of every problem, when there is one. */
    public void throwIfAny(Function<List<String>, ? extends RuntimeException> exception) {
        if (!problems.isEmpty()) {
            throw exception.apply(list());
        }
    }
}
