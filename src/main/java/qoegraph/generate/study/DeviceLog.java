package qoegraph.generate.study;

/** Everything one device logged: its DNS requests, flows and HTTP requests, cross-referenced by index. */
record DeviceLog(DevicePlan plan, DnsLookups dns, FlowSet flows, HttpRequests http) {

    Device device() {
        return plan.device();
    }
}
