package qoegraph.generate.study;

/** How much a participant used the study: the notebook's 14 heaviest, the others, and those with no traffic. */
enum UsageLevel {
    HEAVY, LIGHT, IDLE
}
