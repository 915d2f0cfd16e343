package qoegraph.graphql.fetch;

import graphql.schema.AsyncDataFetcher;
import graphql.schema.DataFetcher;

import java.util.concurrent.Executor;

/** Data fetcher helpers. */
final class Fetchers {

    private Fetchers() {
    }

    /** JDBC blocks: run the fetcher on the blocking executor, never on the HTTP event loop. */
    static <T> DataFetcher<?> blocking(DataFetcher<T> fetcher, Executor executor) {
        return AsyncDataFetcher.async(fetcher, executor);
    }
}
