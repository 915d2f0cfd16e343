package qoegraph;

import io.micronaut.runtime.Micronaut;
import qoegraph.cli.Commands;

/**
 * Entry point. With no arguments (or {@code serve}) it starts the HTTP server; otherwise it runs one
 * command ({@code generate}, {@code ingest}) and exits. See {@link Commands}.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("serve") || args[0].startsWith("-")) {
            String[] serverArgs = args.length > 0 && args[0].equals("serve")
                    ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
            Micronaut.run(Application.class, serverArgs);
            return;
        }
        System.exit(Commands.run(args));
    }
}
