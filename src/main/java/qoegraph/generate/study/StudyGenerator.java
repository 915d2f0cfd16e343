package qoegraph.generate.study;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the UCN study's tables (docs/architecture.md) as PostgreSQL CSV exports reproducing the study's
 * published figures: 25 participants and 47 devices at every scale, and log volumes (traffic, DNS and HTTP
 * requests, location stays) of round(scale x published). The same seed and scale give byte-identical files.
 * Logs are generated one device at a time, so memory stays bounded by the busiest device.
 */
public final class StudyGenerator {

    public static final long DEFAULT_SEED = 20150301L;
    /** A tenth of the study: a few seconds to generate and to ingest, every published share intact. */
    public static final double DEFAULT_SCALE = 0.1;

    private StudyGenerator() {
    }

    /**
     * Writes users, devices, user_devices, deviceapptraffic, dnsreqs, httpreqs and locations into dir, as
     * {@code <table>.csv.gz} when gzip, else {@code <table>.csv}. Returns the rows written per table, in that
     * order.
     */
    public static Map<String, Long> write(Path dir, long seed, double scale, boolean gzip) throws IOException {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive number, got " + scale);
        }
        Files.createDirectories(dir);
        Cast cast = CastBuilder.build(seed);
        List<DevicePlan> plans = DevicePlanner.plan(cast, scale, seed);
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put(UsersTable.NAME, writeCast(dir, gzip, UsersTable.NAME, UsersTable.HEADER, cast, UsersTable::write));
        rows.put(DevicesTable.NAME, writeCast(dir, gzip, DevicesTable.NAME, DevicesTable.HEADER, cast,
            DevicesTable::write));
        rows.put(UserDevicesTable.NAME, writeCast(dir, gzip, UserDevicesTable.NAME, UserDevicesTable.HEADER, cast,
            UserDevicesTable::write));
        rows.putAll(writeLogs(dir, gzip, cast, plans, seed));
        rows.put(LocationsTable.NAME, writeLocations(dir, gzip, cast, plans, seed));
        return rows;
    }

    private static long writeCast(Path dir, boolean gzip, String name, String header, Cast cast, CastWriter writer)
            throws IOException {
        try (PgCsvWriter out = PgCsvWriter.open(dir, name, header, gzip)) {
            writer.write(cast, out);
            return out.rows();
        }
    }

    /**
     * Builds one device's log at a time; its HTTP rows (half the work) are written on a second thread while
     * the next device is built. Each table is still written by one thread in device order, from per-device
     * random streams, so the files do not depend on the timing.
     */
    private static Map<String, Long> writeLogs(Path dir, boolean gzip, Cast cast, List<DevicePlan> plans, long seed)
            throws IOException {
        HostCatalog catalog = HostCatalog.build(seed);
        ExecutorService httpWriter = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "study-httpreqs");
            thread.setDaemon(true);
            return thread;
        });
        try (PgCsvWriter trafficOut = PgCsvWriter.open(dir, TrafficTable.NAME, TrafficTable.HEADER, gzip);
             PgCsvWriter dnsOut = PgCsvWriter.open(dir, DnsTable.NAME, DnsTable.HEADER, gzip);
             PgCsvWriter httpOut = PgCsvWriter.open(dir, HttpTable.NAME, HttpTable.HEADER, gzip)) {
            TrafficTable traffic = new TrafficTable(trafficOut);
            DnsTable dns = new DnsTable(dnsOut, catalog);
            HttpTable http = new HttpTable(httpOut, catalog);
            Future<?> pending = CompletableFuture.completedFuture(null);
            for (DevicePlan plan : plans) {
                if (plan.flows() == 0) {
                    continue;
                }
                DeviceLog log = DeviceLogBuilder.build(plan, cast, catalog, seed);
                traffic.write(log, seed);
                dns.write(log);
                await(pending);
                pending = httpWriter.submit(() -> {
                    http.write(log, seed);
                    return null;
                });
            }
            await(pending);
            Map<String, Long> rows = new LinkedHashMap<>();
            rows.put(TrafficTable.NAME, trafficOut.rows());
            rows.put(DnsTable.NAME, dnsOut.rows());
            rows.put(HttpTable.NAME, httpOut.rows());
            return rows;
        } finally {
            httpWriter.shutdownNow();
        }
    }

    private static void await(Future<?> pending) throws IOException {
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing httpreqs");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("writing httpreqs failed", e.getCause());
        }
    }

    private static long writeLocations(Path dir, boolean gzip, Cast cast, List<DevicePlan> plans, long seed)
            throws IOException {
        Map<Integer, Places> places = Places.build(cast, seed);
        try (PgCsvWriter out = PgCsvWriter.open(dir, LocationsTable.NAME, LocationsTable.HEADER, gzip)) {
            LocationsTable locations = new LocationsTable(out);
            for (DevicePlan plan : plans) {
                if (plan.stays() > 0) {
                    locations.write(plan.device(), places.get(plan.owner().id()), plan.stays(), seed);
                }
            }
            return out.rows();
        }
    }

    @FunctionalInterface
    private interface CastWriter {
        void write(Cast cast, PgCsvWriter out) throws IOException;
    }
}
