package qoegraph.generate.study;

/**
 * What one device logs at the chosen scale: flows per destination port group, bytes per group, DNS and HTTP
 * requests, how many HTTP and HTTPS flows follow a DNS answer, and location stays.
 */
record DevicePlan(Device device, User owner, boolean heavy, long flowsHttp, long flowsHttps, long flowsDns,
                  long flowsOther, long bytesHttp, long bytesHttps, long bytesDns, long bytesOther,
                  long dnsRequests, long httpRequests, long coveredHttp, long coveredHttps, long stays) {

    long flows() {
        return flowsHttp + flowsHttps + flowsDns + flowsOther;
    }

    boolean active() {
        return flows() > 0 || stays > 0;
    }
}
