package qoegraph.report;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import qoegraph.testsupport.IngestTables;

/**
 * The study tables as ingest makes them (columns of sources.yml, {@code _file_id}, {@code user_id}, and
 * {@code location_id} on traffic, DNS and HTTP) with a few hand-made rows that the report tests compute by hand.
 *
 * <p>Users: 1 alice fr (devices 10 phone, 11 tablet, 12 laptop), 2 bob uk (20 pc, 21 phone), 3 carol fr (none),
 * 4 dave uk (40 phone); 30 is a pc shared by alice and bob (left out of every report).
 *
 * <p>Stays: device 10 home 100 [03-29 00:00, 10:00], work 101 [10:00:01, 18:00], cafe 102 [18:00:01, 19:00],
 * gym 103 [19:00:01, 20:00], home 104 [03-30 00:00, 10:00]; device 20 home 200 [03-29 00:00, 03-30 00:00] and
 * office 201 [03-29 09:00, 12:00] (overlapping: office, entered later, wins from 09:00 to 12:00).
 *
 * <pre>
 * traffic (UTC)       dev  dst        ports        bytes  stay    local hour
 * t1  03-29 08:00     10   1.1.1.1    ->443        100    home    10 Paris (+2 after 01:00 UTC)
 * t2  03-29 12:00     10   2.2.2.2    ->80         300    work    14
 * t3  03-29 18:30     10   1.1.1.1    ->443        50     cafe    20
 * t4  03-29 19:30     10   3.3.3.3    ->443        40     gym     21
 * t5  03-30 05:00     10   1.1.1.1    ->443        200    home    07
 * t6  03-31 05:00     10   9.9.9.9    ->53         10     -       07
 * t7  03-29 00:30     11   1.1.1.1    ->443        1000   -       01 Paris (+1 before the switch)
 * t8  03-29 10:00     20   4.4.4.4    ->80         2100   office  11 London (+1)
 * t9  03-29 20:00     20   4.4.4.4    ->443        500    home    21
 * t10 03-29 20:00     20   5.5.5.5    80->5000     400    home    21
 * t11 03-29 00:30     21   4.4.4.4    ->443        100    -       00 London (+0 before the switch)
 * t12 03-29 10:00     30   6.6.6.6    ->443        99999  -       shared
 * t13 03-29 10:00     40   7.7.7.7    ->443        100    -       11 London
 *
 * dns (UTC)           dev  query               user_req duplicate  stay
 * d1  03-29 08:30     10   www.example.com      t        f         home
 * d2  03-29 08:31     10   www.example.com      t        t         home
 * d3  03-29 12:30     10   ads.tracker.net      f        f         work
 * d4  03-29 12:30     11   news.bbc.co.uk       t        f         -
 * d5  03-29 12:31     11   news.bbc.co.uk       t        f         -
 * d6  03-29 10:30     20   mail.example.com     t        f         office
 * d7  03-29 10:30     30   x.org                t        f         shared
 *
 * http (UTC)          dev  host                user_url  stay
 * h1  03-29 12:10     10   static.example.com   t        work
 * h2  03-29 12:20     10   static.example.com   f        work
 * h3  03-29 12:40     11   www.example.com      t        -
 * h4  03-29 12:41     11   www.example.com      t        -
 * h5  03-29 20:10     20   shop.co.uk           t        home
 * h6  03-29 10:10     21   www.shop.co.uk       t        -
 * h7  03-29 10:11     21   www.shop.co.uk       t        -
 * h8  03-29 10:12     30   x.org                t        shared
 * </pre>
 *
 * <p>Sessions: stream 1 (BTP Iron t 100/100, Fro Iron f 0/500, BTP EarthWolf t 0/200), stream 2 (Olga Swamp t
 * 1000/0, Fro Iron t 50/null), stream 3 (BTP Iron f 0/10000).
 */
final class ReportFixture {

    private ReportFixture() {
    }

    static void load(Connection connection) throws IOException, SQLException {
        IngestTables.createEmpty(connection);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements()) {
                statement.execute(sql);
            }
        }
    }

    static List<String> statements() throws IOException {
        List<String> sql = new ArrayList<>();
        sql.add("INSERT INTO users (id, username, country) VALUES (1, 'alice', 'fr'), (2, 'bob', 'uk'),"
                + " (3, 'carol', 'fr'), (4, 'dave', 'uk')");
        sql.add("INSERT INTO devices (id, name, devtype, os, shared) VALUES (10, 'a-phone', 'phone', 'android', false),"
                + " (11, 'a-tablet', 'tablet', 'ios', false), (12, 'a-laptop', 'laptop', 'darwin', false),"
                + " (20, 'b-pc', 'pc', 'windows', false), (21, 'b-phone', 'phone', 'ios', false),"
                + " (30, 'family-pc', 'pc', 'windows', true), (40, 'd-phone', 'phone', 'android', false)");
        sql.add("INSERT INTO user_devices (user_id, device_id) VALUES (1, 10), (1, 11), (1, 12), (2, 20), (2, 21),"
                + " (1, 30), (2, 30), (4, 40)");
        sql.add("INSERT INTO locations (id, devid, name, entertime, exittime, overlap) VALUES"
                + " (100, 10, 'home', '2015-03-29 00:00:00', '2015-03-29 10:00:00', false),"
                + " (101, 10, 'work', '2015-03-29 10:00:01', '2015-03-29 18:00:00', false),"
                + " (102, 10, 'cafe', '2015-03-29 18:00:01', '2015-03-29 19:00:00', false),"
                + " (103, 10, 'gym', '2015-03-29 19:00:01', '2015-03-29 20:00:00', false),"
                + " (104, 10, 'home', '2015-03-30 00:00:00', '2015-03-30 10:00:00', false),"
                + " (200, 20, 'home', '2015-03-29 00:00:00', '2015-03-30 00:00:00', true),"
                + " (201, 20, 'office', '2015-03-29 09:00:00', '2015-03-29 12:00:00', true)");
        sql.add("INSERT INTO deviceapptraffic (id, devid, ts, dstip, srcport, dstport, bytes_in, bytes_out, user_id,"
                + " location_id) VALUES"
                + " (1, 10, '2015-03-29 08:00:00', '1.1.1.1', 50000, 443, 100, 0, 1, 100),"
                + " (2, 10, '2015-03-29 12:00:00', '2.2.2.2', 50001, 80, 300, 0, 1, 101),"
                + " (3, 10, '2015-03-29 18:30:00', '1.1.1.1', 50002, 443, 50, 0, 1, 102),"
                + " (4, 10, '2015-03-29 19:30:00', '3.3.3.3', 50003, 443, 40, 0, 1, 103),"
                + " (5, 10, '2015-03-30 05:00:00', '1.1.1.1', 50004, 443, 200, 0, 1, 104),"
                + " (6, 10, '2015-03-31 05:00:00', '9.9.9.9', 50005, 53, 10, 0, 1, NULL),"
                + " (7, 11, '2015-03-29 00:30:00', '1.1.1.1', 50006, 443, 1000, 0, 1, NULL),"
                + " (8, 20, '2015-03-29 10:00:00', '4.4.4.4', 50007, 80, 2000, 100, 2, 201),"
                + " (9, 20, '2015-03-29 20:00:00', '4.4.4.4', 50008, 443, 500, 0, 2, 200),"
                + " (10, 20, '2015-03-29 20:00:00', '5.5.5.5', 80, 5000, 400, 0, 2, 200),"
                + " (11, 21, '2015-03-29 00:30:00', '4.4.4.4', 50009, 443, 100, 0, 2, NULL),"
                + " (12, 30, '2015-03-29 10:00:00', '6.6.6.6', 50010, 443, 99999, 0, NULL, NULL),"
                + " (13, 40, '2015-03-29 10:00:00', '7.7.7.7', 50011, 443, 50, 50, 4, NULL)");
        sql.add("INSERT INTO dnsreqs (id, devid, ts, query, user_req, duplicate, user_id, location_id) VALUES"
                + " (1, 10, '2015-03-29 08:30:00', 'www.example.com', true, false, 1, 100),"
                + " (2, 10, '2015-03-29 08:31:00', 'www.example.com', true, true, 1, 100),"
                + " (3, 10, '2015-03-29 12:30:00', 'ads.tracker.net', false, false, 1, 101),"
                + " (4, 11, '2015-03-29 12:30:00', 'news.bbc.co.uk', true, false, 1, NULL),"
                + " (5, 11, '2015-03-29 12:31:00', 'news.bbc.co.uk', true, false, 1, NULL),"
                + " (6, 20, '2015-03-29 10:30:00', 'mail.example.com', true, false, 2, 201),"
                + " (7, 30, '2015-03-29 10:30:00', 'x.org', true, false, NULL, NULL)");
        sql.add("INSERT INTO httpreqs (id, devid, ts, req_url_host, user_url, user_id, location_id) VALUES"
                + " (1, 10, '2015-03-29 12:10:00', 'static.example.com', true, 1, 101),"
                + " (2, 10, '2015-03-29 12:20:00', 'static.example.com', false, 1, 101),"
                + " (3, 11, '2015-03-29 12:40:00', 'www.example.com', true, 1, NULL),"
                + " (4, 11, '2015-03-29 12:41:00', 'www.example.com', true, 1, NULL),"
                + " (5, 20, '2015-03-29 20:10:00', 'shop.co.uk', true, 2, 200),"
                + " (6, 21, '2015-03-29 10:10:00', 'www.shop.co.uk', true, 2, NULL),"
                + " (7, 21, '2015-03-29 10:11:00', 'www.shop.co.uk', true, 2, NULL),"
                + " (8, 30, '2015-03-29 10:12:00', 'x.org', true, NULL, NULL)");
        sql.add("INSERT INTO sessions (stream, isp, browser, connected, p2p, cdn) VALUES"
                + " (1, 'BTP', 'Iron', true, 100, 100), (1, 'Fro', 'Iron', false, 0, 500),"
                + " (1, 'BTP', 'EarthWolf', true, 0, 200), (2, 'Olga', 'Swamp', true, 1000, 0),"
                + " (2, 'Fro', 'Iron', true, 50, NULL), (3, 'BTP', 'Iron', false, 0, 10000)");
        return sql;
    }
}
