package qoegraph.generate.study;

/** A city participants lived in; coordinates in millionths of a degree. */
record City(String name, String country, long lat, long lon) {

    static final City[] FR = {
        new City("Paris", "France", 48_856_613, 2_352_222), new City("Lyon", "France", 45_764_043, 4_835_659),
        new City("Grenoble", "France", 45_188_529, 5_724_524), new City("Rennes", "France", 48_117_266, -1_677_793)};
    static final City[] UK = {
        new City("London", "United Kingdom", 51_507_351, -127_758),
        new City("Cambridge", "United Kingdom", 52_205_337, 121_817),
        new City("Nottingham", "United Kingdom", 52_954_783, -1_158_109)};
}
