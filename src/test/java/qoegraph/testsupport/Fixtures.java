package qoegraph.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables as the ingest creates them (the columns of sources.yml, {@code _file_id}, and the model's
 * extra columns {@code user_id} / {@code location_id}) with small hand-made rows whose figures the tests
 * compute by hand: the one copy of these rows, for the HTTP tests ({@code graphql.TestServer}) and the tests of
 * the walk without a server ({@code sql.TestDb}).
 *
 * <p>Sessions, 20 viewers:
 * <pre>
 *  #  stream isp            browser   conn  p2p     cdn
 *  1  1      BTP            Iron      t     100     100
 *  2  1      BTP            Iron      t     300     100
 *  3  1      BTP            EarthWolf t     0       200
 *  4  1      Fro            Iron      f     0       500
 *  5  1      Fro            EarthWolf t     50      150
 *  6  2      Fro            Swamp     t     1000    0
 *  7  2      Arange         Vectrice  f     0       1000
 *  8  2      Arange         Iron      t     10      990
 *  9  2      Datch Telecam  Iron      f     0       2000
 * 10  2      Datch Telecam  EarthWolf t     500     1500
 * 11  3      Olga           Iron      t     1       9
 * 12  3      Olga           Swamp     t     20      80
 * 13  3      BTP            Vectrice  f     0       10000
 * 14  3      BTP            EarthWolf t     9000    1000
 * 15  3      Fro            Iron      t     0       100
 * 16  3      Arange         EarthWolf t     250     750
 * 17  9      BTP            EarthWolf t     6100.5  null
 * 18  1      '; DROP ...    Iron      t     1       1
 * 19  2      a_b%c          Iron      t     2       2
 * 20  3      a%b            null      f     0       3
 * </pre>
 *
 * <p>Traffic (bytes = in + out; alice fr owns devices 10 and 11, bob uk 20, 30 is shared):
 * <pre>
 *  #  dev ts (UTC)            bytes  local time of the owner       stay
 *  1  10  2015-03-29 00:30    110    01:30 +01 Paris               home
 *  2  10  2015-03-29 01:30    220    03:30 +02 Paris               home
 *  3  10  2015-03-28 23:30    440    29th 00:30 +01 Paris          home
 *  4  20  2015-03-29 00:30    1100   00:30 +00 London              home
 *  5  20  2015-03-29 01:30    2200   02:30 +01 London              home
 *  6  20  2015-10-25 00:30    3300   01:30 +01 London              home
 *  7  20  2015-10-25 01:30    4400   01:30 +00 London              -
 *  8  10  2015-10-25 00:30    11     02:30 +02 Paris               work
 *  9  10  2015-10-25 01:30    22     02:30 +01 Paris               work
 * 10  30  2015-03-29 12:00    10     shared: no owner, UTC         -
 * 11  11  2015-03-29 12:00    100    14:00 +02 Paris               -
 * </pre>
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** Every table's rows. */
    public static List<String> statements() {
        List<String> sql = new ArrayList<>(sessions());
        sql.addAll(study());
        sql.addAll(requests());
        return sql;
    }

    /** The 20 viewers. */
    public static List<String> sessions() {
        return List.of(
                "INSERT INTO sessions (stream, isp, browser, connected, p2p, cdn) VALUES "
                        + "(1, 'BTP', 'Iron', true, 100, 100), (1, 'BTP', 'Iron', true, 300, 100), "
                        + "(1, 'BTP', 'EarthWolf', true, 0, 200), (1, 'Fro', 'Iron', false, 0, 500), "
                        + "(1, 'Fro', 'EarthWolf', true, 50, 150), (2, 'Fro', 'Swamp', true, 1000, 0), "
                        + "(2, 'Arange', 'Vectrice', false, 0, 1000), (2, 'Arange', 'Iron', true, 10, 990), "
                        + "(2, 'Datch Telecam', 'Iron', false, 0, 2000), (2, 'Datch Telecam', 'EarthWolf', true, 500, 1500), "
                        + "(3, 'Olga', 'Iron', true, 1, 9), (3, 'Olga', 'Swamp', true, 20, 80), "
                        + "(3, 'BTP', 'Vectrice', false, 0, 10000), (3, 'BTP', 'EarthWolf', true, 9000, 1000), "
                        + "(3, 'Fro', 'Iron', true, 0, 100), (3, 'Arange', 'EarthWolf', true, 250, 750), "
                        + "(9, 'BTP', 'EarthWolf', true, 6100.5, NULL), (1, '''; DROP TABLE sessions; --', 'Iron', true, 1, 1), "
                        + "(2, 'a_b%c', 'Iron', true, 2, 2), (3, 'a%b', NULL, false, 0, 3)");
    }

    /** Users, devices, their links, location stays and traffic. */
    public static List<String> study() {
        return List.of(
                "INSERT INTO users (id, username, country) VALUES (1, 'alice', 'fr'), (2, 'bob', 'uk'), (3, 'carol', 'fr')",
                "INSERT INTO devices (id, name, devtype, os, shared, addresses) VALUES "
                        + "(10, 'alice-phone', 'phone', 'android', false, ['10.0.0.10']), "
                        + "(11, 'alice-tablet', 'tablet', 'ios', false, ['10.0.0.11', '10.0.1.11']), "
                        + "(20, 'bob-laptop', 'laptop', 'darwin', false, ['10.0.0.20']), "
                        + "(30, 'family-pc', 'pc', 'windows', true, NULL)",
                "INSERT INTO user_devices VALUES (1, 10, NULL), (1, 11, NULL), (2, 20, NULL), (1, 30, NULL), (2, 30, NULL)",
                "INSERT INTO locations (id, devid, name, entertime, exittime) VALUES "
                        + "(100, 10, 'home', '2015-03-28 20:00:00', '2015-03-29 08:00:00'), "
                        + "(101, 10, 'work', '2015-10-25 00:00:00', '2015-10-25 02:00:00'), "
                        + "(102, 20, 'home', '2015-03-29 00:00:00', '2015-10-25 01:00:00')",
                "INSERT INTO deviceapptraffic (id, devid, ts, dstip, dstport, flowid, bytes_in, bytes_out, "
                        + "packets_in, packets_out, service, user_id, location_id) VALUES "
                        + "(1, 10, '2015-03-29 00:30:00', '1.1.1.1', 443, 1, 100, 10, 1, 1, 'https', 1, 100), "
                        + "(2, 10, '2015-03-29 01:30:00', '1.1.1.1', 443, 1, 200, 20, 2, 1, 'https', 1, 100), "
                        + "(3, 10, '2015-03-28 23:30:00', '2.2.2.2', 80, 2, 400, 40, 4, 1, 'http', 1, 100), "
                        + "(4, 20, '2015-03-29 00:30:00', '3.3.3.3', 443, 3, 1000, 100, 10, 1, 'https', 2, 102), "
                        + "(5, 20, '2015-03-29 01:30:00', '4.4.4.4', 80, 4, 2000, 200, 20, 2, 'http', 2, 102), "
                        + "(6, 20, '2015-10-25 00:30:00', '3.3.3.3', 443, 3, 3000, 300, 30, 3, 'https', 2, 102), "
                        + "(7, 20, '2015-10-25 01:30:00', '3.3.3.3', 443, 3, 4000, 400, 40, 4, 'https', 2, NULL), "
                        + "(8, 10, '2015-10-25 00:30:00', '2.2.2.2', 80, 5, 10, 1, 1, 1, 'http', 1, 101), "
                        + "(9, 10, '2015-10-25 01:30:00', '5.5.5.5', 53, 6, 20, 2, 1, 1, 'domain', 1, 101), "
                        + "(10, 30, '2015-03-29 12:00:00', '1.1.1.1', 443, 7, 5, 5, 1, 1, 'https', NULL, NULL), "
                        + "(11, 11, '2015-03-29 12:00:00', '2.2.2.2', 80, 8, 50, 50, 1, 1, 'http', 1, NULL)");
    }

    /** DNS and HTTP requests of alice's and bob's devices. */
    public static List<String> requests() {
        return List.of(
                "INSERT INTO dnsreqs (id, devid, query, user_req, duplicate, user_id) VALUES "
                        + "(1, 10, 'a.example.com', true, false, 1), (2, 10, 'a.example.com', true, true, 1), "
                        + "(3, 20, 'b.example.co.uk', false, false, 2)",
                "INSERT INTO httpreqs (id, devid, req_url_host, res_size, user_url, user_id) VALUES "
                        + "(1, 10, 'x.com', 100, true, 1), (2, 20, 'y.com', 200, false, 2), (3, 20, 'y.com', NULL, true, 2)");
    }
}
