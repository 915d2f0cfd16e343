package qoegraph.generate.study;

import java.io.IOException;

/** users: one row per participant, with the time it registered. */
final class UsersTable {

    static final String NAME = "users";
    static final String HEADER = "id,username,familyname,starttime,country";

    private UsersTable() {
    }

    static void write(Cast cast, PgCsvWriter out) throws IOException {
        for (User user : cast.users()) {
            out.num(user.id()).text(user.username()).text(user.familyname()).timestamp(user.startTime())
                .text(user.country().code);
            out.endRow();
        }
    }
}
