package qoegraph.generate.study;

import java.util.SplittableRandom;

/** Device model names (the devices.name column) and the build string their user agents carry. */
final class Models {

    private static final String[] ANDROID_PHONES = {"nexus5", "galaxy-s5", "galaxy-s4", "moto-g", "xperia-z3",
        "htc-one-m8", "nexus6"};
    private static final String[] IPHONES = {"iphone6", "iphone5s", "iphone6plus", "iphone5c"};
    private static final String[] ANDROID_TABLETS = {"nexus7", "galaxy-tab4", "nexus9", "galaxy-tab-s"};
    private static final String[] IPADS = {"ipad-air", "ipad-mini", "ipad-air2"};
    private static final String[] MACBOOKS = {"macbook-pro", "macbook-air"};
    private static final String[] WINDOWS_LAPTOPS = {"thinkpad-x240", "dell-xps13", "hp-pavilion", "asus-zenbook"};
    private static final String[] WINDOWS_PCS = {"desktop", "dell-optiplex"};
    private static final String[] MACS = {"imac"};

    private Models() {
    }

    static String pick(DevType type, Os os, SplittableRandom rng) {
        return Seeds.pick(rng, switch (type) {
            case PHONE -> os == Os.IOS ? IPHONES : ANDROID_PHONES;
            case TABLET -> os == Os.IOS ? IPADS : ANDROID_TABLETS;
            case LAPTOP -> os == Os.DARWIN ? MACBOOKS : WINDOWS_LAPTOPS;
            case PC -> os == Os.DARWIN ? MACS : WINDOWS_PCS;
        });
    }

    /** "nexus5" -> "Nexus 5", "galaxy-s5" -> "SM-G900F" (what Android user agents say). */
    static String androidBuild(String model) {
        return switch (model) {
            case "nexus5" -> "Nexus 5 Build/LMY48B";
            case "nexus6" -> "Nexus 6 Build/LMY47Z";
            case "galaxy-s5" -> "SM-G900F Build/LRX21T";
            case "galaxy-s4" -> "GT-I9505 Build/KOT49H";
            case "moto-g" -> "XT1068 Build/LPB23.13-56";
            case "xperia-z3" -> "D6603 Build/23.1.A.0.690";
            case "htc-one-m8" -> "HTC One_M8 Build/LRX22C";
            case "nexus7" -> "Nexus 7 Build/LMY47V";
            case "nexus9" -> "Nexus 9 Build/LMY48I";
            case "galaxy-tab4" -> "SM-T530 Build/KOT49H";
            default -> "SM-T800 Build/LRX22G";
        };
    }
}
