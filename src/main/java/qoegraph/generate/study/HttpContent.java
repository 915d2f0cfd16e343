package qoegraph.generate.study;

import java.util.SplittableRandom;

/** The request line and response of one HTTP request, drawn from what its host serves. */
record HttpContent(String method, String version, String path, String query, RequestKind kind, Integer status,
                   Long size, String mime) {

    private static final String[] WORDS = {"election", "weather", "football", "budget", "recette", "paris",
        "london", "tennis", "rugby-world-cup", "iphone-6s", "greece-debt", "cannes", "wimbledon", "tour-de-france",
        "heatwave", "strike", "meteo", "immobilier", "voiture", "holiday", "premier-league", "bake-off", "ligue-1",
        "solde", "cinema", "music", "travel", "health", "science", "tech", "business", "culture"};
    private static final String[] SECTIONS = {"news", "sport", "actualite", "economie", "culture", "uk", "world",
        "technology", "lifestyle", "politique"};

    static HttpContent draw(Host host, SplittableRandom rng) {
        RequestKind kind = RequestKind.draw(host, rng);
        String method = kind == RequestKind.JSON && rng.nextDouble() < 0.2 ? "POST"
            : rng.nextDouble() < 0.01 ? "HEAD" : "GET";
        String version = rng.nextDouble() < 0.03 ? "HTTP/1.0" : "HTTP/1.1";
        String[] target = target(kind, host, rng);
        int status = status(kind, rng);
        long size = switch (status) {
            case 204, 304 -> 0;
            case 301, 302 -> 200 + rng.nextInt(200);
            case 404, 500 -> 1_000 + rng.nextInt(4_000);
            default -> Math.max(1, Math.round(kind.medianSize * Seeds.logNormal(rng, kind == RequestKind.PIXEL
                ? 0 : 1.0)));
        };
        String mime = status == 204 || status == 304 ? null : mime(kind, target[0]);
        return new HttpContent(method, version, target[0], target[1], kind, status, size, mime);
    }

    HttpContent withoutResponse() {
        return new HttpContent(method, version, path, query, kind, null, null, null);
    }

    private static String[] target(RequestKind kind, Host host, SplittableRandom rng) {
        String word = Seeds.pick(rng, WORDS);
        String hex = Long.toHexString(rng.nextLong() & 0xffffffffffL);
        int number = 10_000_000 + rng.nextInt(90_000_000);
        if (host.category() == HostCategory.AD) {
            return ad(kind, word, hex, number, rng);
        }
        return switch (kind) {
            case PAGE -> page(word, number, rng);
            case IMAGE -> new String[] {image(hex, rng), null};
            case SCRIPT -> new String[] {"/static/js/" + word + "." + hex + ".min.js", rng.nextBoolean() ? null
                : "v=" + number};
            case STYLE -> new String[] {"/static/css/" + word + "." + hex + ".css", null};
            case JSON -> new String[] {"/api/v" + (1 + rng.nextInt(3)) + "/" + word, rng.nextBoolean()
                ? "id=" + number : "fields=id,title," + word};
            case FONT -> new String[] {"/fonts/" + word + "-regular.woff", null};
            case VIDEO -> new String[] {"/video/" + hex + "/seg-" + rng.nextInt(400) + ".ts", null};
            case PIXEL -> pixel(host, number, rng);
            case TEXT -> new String[] {rng.nextBoolean() ? "/robots.txt" : "/" + word + ".txt", null};
            case BINARY -> new String[] {"/update/" + word + "/" + hex + ".bin", null};
            case CHECK -> new String[] {host.name().startsWith("captive") ? "/hotspot-detect.html"
                : host.name().contains("msftncsi") ? "/ncsi.txt" : "/generate_204", null};
        };
    }

    private static String image(String hex, SplittableRandom rng) {
        if (rng.nextBoolean()) {
            return "/images/" + hex + ".jpg";
        }
        return "/img/" + (320 * (1 + rng.nextInt(4))) + "x" + (180 * (1 + rng.nextInt(4))) + "/" + hex + ".png";
    }

    private static String[] page(String word, int number, SplittableRandom rng) {
        return switch (rng.nextInt(5)) {
            case 0 -> new String[] {"/", null};
            case 1 -> new String[] {"/" + Seeds.pick(rng, SECTIONS) + "/" + word + "-" + number, null};
            case 2 -> new String[] {"/" + Seeds.pick(rng, SECTIONS) + "/" + word + ".html", null};
            case 3 -> new String[] {"/search", "q=" + word + "+" + Seeds.pick(rng, WORDS)};
            default -> new String[] {"/article/" + number, "utm_source=twitter&utm_medium=social"};
        };
    }

    private static String[] pixel(Host host, int number, SplittableRandom rng) {
        if (host.name().contains("google-analytics")) {
            return new String[] {"/__utm.gif", "utmwv=5.6.5&utmn=" + number + "&utmhid=" + rng.nextInt(1 << 30)};
        }
        if (host.name().contains("scorecardresearch")) {
            return new String[] {"/b", "c1=2&c2=" + number + "&ns__t=" + (1_430_000_000_000L + rng.nextInt(1 << 30))};
        }
        return new String[] {"/pixel.gif", "id=" + number};
    }

    private static String[] ad(RequestKind kind, String word, String hex, int number, SplittableRandom rng) {
        return switch (kind) {
            case SCRIPT -> new String[] {"/pagead/js/adsbygoogle.js", null};
            case IMAGE -> new String[] {"/banner/" + hex + ".gif", null};
            case PAGE -> new String[] {"/adj/" + word + "/home;sz=300x250;ord=" + number, null};
            default -> new String[] {"/pagead/ads", "client=ca-pub-" + number + "&format=300x250,728x90"};
        };
    }

    private static int status(RequestKind kind, SplittableRandom rng) {
        double draw = rng.nextDouble();
        return switch (kind) {
            case CHECK -> 204;
            case VIDEO -> draw < 0.7 ? 206 : 200;
            case PIXEL -> draw < 0.4 ? 204 : 200;
            case PAGE -> draw < 0.86 ? 200 : draw < 0.91 ? 304 : draw < 0.94 ? 301 : draw < 0.98 ? 302 : 404;
            case JSON -> draw < 0.95 ? 200 : draw < 0.99 ? 304 : 500;
            default -> draw < 0.82 ? 200 : draw < 0.97 ? 304 : 404;
        };
    }

    private static String mime(RequestKind kind, String path) {
        if (kind == RequestKind.IMAGE) {
            return path.endsWith(".png") ? "image/png" : path.endsWith(".gif") ? "image/gif" : "image/jpeg";
        }
        return kind.mime;
    }
}
