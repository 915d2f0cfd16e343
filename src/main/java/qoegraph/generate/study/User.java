package qoegraph.generate.study;

/** A participant: the users row, plus the study period of its traffic and the bytes of its own devices. */
record User(int id, String username, String familyname, long startTime, Country country, UsageLevel usage,
            TimeSpan window, double bytes) {
}
