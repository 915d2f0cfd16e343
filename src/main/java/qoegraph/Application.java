package qoegraph;

import io.micronaut.runtime.Micronaut;

/** Entry point: starts the HTTP server. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
