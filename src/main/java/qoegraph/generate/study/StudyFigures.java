package qoegraph.generate.study;

/**
 * The UCN study's published figures (docs/architecture.md; the study notebook), and the few volumes the
 * publications leave open, which the generator chooses. Volumes are at scale 1.
 */
final class StudyFigures {

    static final int USERS_FR = 11;
    static final int USERS_UK = 14;
    static final int IDLE_USERS_FR = 3;
    static final int HEAVY_USERS_FR = 6;
    static final int HEAVY_USERS_UK = 8;
    static final int DEVICES = 47;
    static final int SHARED_DEVICES = 3;
    static final int PERSONAL_LINKS = 44;
    static final int HEAVY_USER_DEVICES = 27;

    static final long DNS_REQUESTS = 327_707;
    static final long HTTP_REQUESTS = 1_665_665;
    static final long FLOWS_HTTP = 1_127_116;
    static final long FLOWS_HTTPS = 305_355;
    static final long FLOWS_DNS = 378_635;
    static final double BYTES_HTTP = 12.7e9;
    static final double BYTES_HTTPS = 32.4e9;

    /** Shares of the heavy users' bytes, as the notebook printed them. */
    static final double HEAVY_SHARE_HTTP = 0.283749635991;
    static final double HEAVY_SHARE_HTTPS = 0.683376883216;

    static final double DNS_COVERAGE_HTTP = 0.889;
    static final double DNS_COVERAGE_HTTPS = 0.772;

    static final int STUDY_YEAR = 2015;
    static final int STUDY_FIRST_MONTH = 3;
    static final int STUDY_LAST_MONTH = 11;

    /**
     * Collection spans in days of the 22 users with traffic: the longest is 103 days, the median 35
     * (mean of the 11th and 12th).
     */
    static final double[] SPAN_DAYS = {
        103.3, 96.2, 81.4, 72.0, 64.5, 57.3, 49.8, 44.1, 40.6, 37.9, 35.4,
        34.7, 31.2, 28.6, 25.3, 21.8, 18.4, 15.2, 12.7, 9.8, 7.1, 4.6};

    /** Bytes of each user's personal devices in GB, heaviest first (rescaled to HEAVY_BYTES for heavy users). */
    static final double[] HEAVY_FR_GB = {0.86, 0.71, 0.58, 0.47, 0.39, 0.33};
    static final double[] HEAVY_UK_GB = {15.4, 8.1, 5.2, 3.9, 2.7, 1.8, 1.25, 0.95};
    static final double[] LIGHT_FR_GB = {0.21, 0.09};
    static final double[] LIGHT_UK_GB = {0.72, 0.55, 0.41, 0.30, 0.18, 0.08};

    // Chosen here: the publications leave these open.

    /** Bytes of the 14 heavy users' personal devices (the port shares above fix their split). */
    static final double HEAVY_BYTES = 42.0e9;
    /** Share of bytes on ports other than 80 and 443 for everyone else. */
    static final double OTHER_PORTS_SHARE_REST = 0.03;
    /** Flows to ports other than 80, 443 and 53 (mail, NTP, STUN, RTMP...). */
    static final long FLOWS_OTHER = 24_000;
    /** Average bytes (both ways) of one DNS flow. */
    static final long DNS_FLOW_BYTES = 230;
    /** Location stays of all devices. */
    static final long LOCATION_STAYS = 6_000;

    private StudyFigures() {
    }
}
