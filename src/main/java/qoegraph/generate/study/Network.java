package qoegraph.generate.study;

import java.util.SplittableRandom;

/** The network a device used at a place: public address, its reverse name, AS number and name, Wi-Fi name. */
record Network(int publicIp, String reverseDns, int asNumber, String asName, String ssid) {

    private static final String[][] FR_HOME = {
        {"3215", "Orange S.A.", "90.22,86.201,2.6", "orange", "Livebox-"},
        {"12322", "Free SAS", "78.192,82.224,88.160", "free", "Freebox-"},
        {"15557", "SFR SA", "109.8,93.23", "sfr", "SFR-"},
        {"5410", "Bouygues Telecom SA", "89.80,89.84", "", "Bbox-"}};
    private static final String[][] UK_HOME = {
        {"2856", "British Telecommunications PLC", "86.150,81.156", "bt", "BTHub5-"},
        {"5089", "Virgin Media Limited", "82.10,92.236", "virgin", "VM"},
        {"5607", "Sky UK Limited", "90.194,2.96", "", "SKY"},
        {"13285", "TalkTalk Communications Limited", "89.240,92.24", "", "TALKTALK-"}};
    private static final String[][] FR_MOBILE = {
        {"3215", "Orange S.A.", "92.90"}, {"15557", "SFR SA", "80.215"}, {"51207", "Free Mobile SAS", "37.160"},
        {"5410", "Bouygues Telecom SA", "176.128"}};
    private static final String[][] UK_MOBILE = {
        {"12576", "EE Limited", "31.94"}, {"25135", "Vodafone Limited", "212.183"},
        {"35228", "Telefonica UK Limited", "82.132"}, {"206067", "Hutchison 3G UK Limited", "92.40"}};
    private static final String[] HOTSPOTS = {"FreeWifi", "Starbucks WiFi", "_The Cloud", "BTWiFi-with-FON",
        "SNCF_WIFI", "eduroam"};

    static Network home(Country country, SplittableRandom rng) {
        String[] isp = Seeds.pick(rng, country == Country.FR ? FR_HOME : UK_HOME);
        int ip = address(Seeds.pick(rng, isp[2].split(",")), rng);
        String hex = Integer.toHexString(0x1000 + rng.nextInt(0xefff)).toUpperCase();
        return new Network(ip, reverse(isp[3], ip, rng), Integer.parseInt(isp[0]), isp[1], isp[4] + hex);
    }

    static Network work(City city, SplittableRandom rng) {
        int ip;
        String domain;
        switch (city.name()) {
            case "Cambridge" -> {
                ip = address("131.111", rng);
                domain = "cam.ac.uk";
            }
            case "Nottingham" -> {
                ip = address("128.243", rng);
                domain = "nottingham.ac.uk";
            }
            case "London" -> {
                ip = address("144.82", rng);
                domain = "ucl.ac.uk";
            }
            default -> {
                ip = address("128.93", rng);
                domain = "inria.fr";
            }
        }
        boolean uk = city.country().startsWith("United");
        return new Network(ip, "wifi-" + ((ip >>> 8) & 0xff) + "-" + (ip & 0xff) + "." + domain, uk ? 786 : 2200,
            uk ? "Jisc Services Limited" : "Renater", "eduroam");
    }

    /** A mobile or hotspot connection away from home and work: a fresh address of the carrier every time. */
    static Network away(Country country, int carrier, SplittableRandom rng) {
        String[] network = (country == Country.FR ? FR_MOBILE : UK_MOBILE)[carrier];
        return new Network(address(network[2], rng), null, Integer.parseInt(network[0]), network[1],
            Seeds.pick(rng, HOTSPOTS));
    }

    private static int address(String prefix, SplittableRandom rng) {
        return IpSpace.parse(prefix + "." + rng.nextInt(256) + "." + (1 + rng.nextInt(254)));
    }

    private static String reverse(String style, int ip, SplittableRandom rng) {
        int a = ip >>> 24;
        int b = (ip >>> 16) & 0xff;
        int c = (ip >>> 8) & 0xff;
        int d = ip & 0xff;
        return switch (style) {
            case "orange" -> "lfbn-1-" + (1000 + rng.nextInt(9000)) + ".w" + a + "-" + b + ".abo.wanadoo.fr";
            case "free" -> "par21-1-" + a + "-" + b + "-" + c + "-" + d + ".fbx.proxad.net";
            case "sfr" -> d + "." + c + "." + b + "." + a + ".rev.sfr.net";
            case "bt" -> "host" + a + "-" + b + "-" + c + "-" + d + ".range" + a + "-" + b + ".btcentralplus.com";
            case "virgin" -> "cpc" + (10000 + rng.nextInt(90000)) + "-cmbg" + (10 + rng.nextInt(20))
                + "-2-0-cust" + rng.nextInt(1000) + "." + (1 + rng.nextInt(9)) + "-" + (1 + rng.nextInt(4))
                + ".cable.virginm.net";
            default -> null;
        };
    }
}
