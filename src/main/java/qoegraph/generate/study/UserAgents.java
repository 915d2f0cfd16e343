package qoegraph.generate.study;

import java.util.SplittableRandom;

/**
 * The user agents a device sends: its web browser's, and those of a few of its apps, kept as encoded CSV fields
 * since every HTTP row repeats one of them.
 */
final class UserAgents {

    private static final byte[] NONE = new byte[0];

    private static final String[] WINDOWS_BROWSERS = {
        "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/43.0.2357.130 "
            + "Safari/537.36",
        "Mozilla/5.0 (Windows NT 6.3; WOW64; Trident/7.0; rv:11.0) like Gecko",
        "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:38.0) Gecko/20100101 Firefox/38.0"};

    private final byte[] browser;
    private final byte[][] apps;

    private UserAgents(String browser, String[] apps) {
        this.browser = PgCsvWriter.encode(browser);
        this.apps = new byte[apps.length][];
        for (int i = 0; i < apps.length; i++) {
            this.apps[i] = PgCsvWriter.encode(apps[i]);
        }
    }

    static UserAgents of(Device device, SplittableRandom rng) {
        return switch (device.os()) {
            case ANDROID -> android(device);
            case IOS -> ios(device);
            case DARWIN -> new UserAgents("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10_3) AppleWebKit/600.6.3 "
                + "(KHTML, like Gecko) Version/8.0.6 Safari/600.6.3", new String[] {
                    "Spotify/1.0.9.133 OSX/0 (MacBookPro11,1)",
                    "com.apple.Safari.SafeBrowsing/10600.6.3 CFNetwork/720.3.13 Darwin/14.3.0 (x86_64)",
                    "Microsoft Office/14.0 (Macintosh; 14.5.0; Pro)"});
            case WINDOWS -> new UserAgents(Seeds.pick(rng, WINDOWS_BROWSERS), new String[] {
                "Microsoft-CryptoAPI/6.1",
                "Windows-Update-Agent/7.9.9600.17729 Client-Protocol/1.21",
                "iTunes/12.1.2 (Windows; Microsoft Windows 7 x64 Business Edition Service Pack 1 (Build 7601)) "
                    + "AppleWebKit/7600.5017.0.22"});
        };
    }

    private static UserAgents android(Device device) {
        String build = Models.androidBuild(device.name());
        String version = build.contains("KOT49H") ? "4.4.2" : build.contains("LRX") ? "5.0.2" : "5.1.1";
        String mobile = device.type() == DevType.PHONE ? "Mobile " : "";
        return new UserAgents("Mozilla/5.0 (Linux; Android " + version + "; " + build + ") AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/43.0.2357.93 " + mobile + "Safari/537.36", new String[] {
                "Dalvik/2.1.0 (Linux; U; Android " + version + "; " + build + ")",
                "com.google.android.youtube/10.18.55(Linux; U; Android " + version + "; en_GB; " + build + ") gzip",
                "okhttp/2.3.0"});
    }

    private static UserAgents ios(Device device) {
        boolean pad = device.type() != DevType.PHONE;
        String platform = pad ? "iPad; CPU OS 8_3" : "iPhone; CPU iPhone OS 8_3";
        return new UserAgents("Mozilla/5.0 (" + platform + " like Mac OS X) AppleWebKit/600.1.4 (KHTML, like Gecko) "
            + "Version/8.0 Mobile/12F70 Safari/600.1.4", new String[] {
                "BBCNews/3.4.0 CFNetwork/711.3.18 Darwin/14.0.0",
                "Le Monde/5.1 CFNetwork/711.3.18 Darwin/14.0.0",
                "AppStore/2.0 iOS/8.3 model/" + (pad ? "iPad4,1" : "iPhone7,2") + " build/12F70 (6; dt:106)"});
    }

    /** One request's user agent as an encoded CSV field: the browser's mostly, an app's often, rarely none. */
    byte[] pick(SplittableRandom rng) {
        double draw = rng.nextDouble();
        if (draw < 0.01) {
            return NONE;
        }
        return draw < 0.6 ? browser : apps[rng.nextInt(apps.length)];
    }
}
