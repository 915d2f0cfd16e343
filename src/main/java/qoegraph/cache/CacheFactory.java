package qoegraph.cache;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The server's one result cache, emptied by every data change. */
@Factory
public class CacheFactory {

    @Singleton
    public ResultCache resultCache(CacheConfig config, DataVersion dataVersion) {
        return config.enabled() ? ResultCache.of(dataVersion, config.size()) : ResultCache.off();
    }
}
