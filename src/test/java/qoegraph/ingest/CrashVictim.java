package qoegraph.ingest;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import qoegraph.model.SourceTables;

/**
 * Run in a child JVM by {@link AtomicityTest}: ingests files one after the other (paths joined by the path
 * separator), printing progress, until it is killed.
 */
public final class CrashVictim {

    private CrashVictim() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection root = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            Ingester ingester = new Ingester(root, SourceTables.load(Path.of(args[2])), line -> {
                System.out.println(line);
                System.out.flush();
            });
            ingester.ensureSchema();
            System.out.println("READY");
            System.out.flush();
            for (String file : args[1].split(File.pathSeparator)) {
                ingester.ingest(Path.of(file));
            }
            System.out.println("FINISHED");
            System.out.flush();
        }
    }
}
