package qoegraph.generate.study;

import java.util.List;

/** Why a participant is somewhere in its day, and which labels of places fit. */
enum StayRole {
    HOME(List.of("home")),
    WORK(List.of("work")),
    LUNCH(List.of("cafe", "restaurant", "")),
    EVENING(List.of("gym", "pub", "shop", "friend", "parents", "")),
    OUTING(List.of("parents", "park", "shop", "station", "cafe", ""));

    /** Labels of fitting places; "" stands for a place never named. */
    final List<String> labels;

    StayRole(List<String> labels) {
        this.labels = labels;
    }
}
