package qoegraph.generate.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The places of one participant: home (shared with the family), work, and a handful of others. */
final class Places {

    private static final String[] OTHER_LABELS = {"cafe", "restaurant", "gym", "shop", "station", "parents", "park",
        "pub", "friend"};
    private static final Map<String, String[]> FR_VENUES = Map.of(
        "cafe", new String[] {"Café de Flore", "Le Petit Zinc", "Café Oberkampf", "Starbucks Opéra"},
        "restaurant", new String[] {"Chez Paul", "Le Bistrot du Coin", "Pizzeria Napoli"},
        "gym", new String[] {"Basic-Fit", "Club Med Gym"},
        "shop", new String[] {"Monoprix", "Carrefour City", "Fnac"},
        "station", new String[] {"Gare de Lyon", "Gare Part-Dieu", "Gare de Grenoble", "Gare de Rennes"},
        "park", new String[] {"Parc de la Tête d'Or", "Jardin du Luxembourg"},
        "pub", new String[] {"Le Comptoir", "O'Sullivans"});
    private static final Map<String, String[]> UK_VENUES = Map.of(
        "cafe", new String[] {"Costa Coffee", "Pret A Manger", "Caffè Nero", "Starbucks"},
        "restaurant", new String[] {"Pizza Express", "Wagamama", "Nando's"},
        "gym", new String[] {"PureGym", "The Gym Group"},
        "shop", new String[] {"Tesco Express", "Sainsbury's Local", "Boots"},
        "station", new String[] {"King's Cross", "Cambridge Station", "Nottingham Station"},
        "park", new String[] {"Hyde Park", "Parker's Piece"},
        "pub", new String[] {"The Eagle", "The Red Lion", "Ye Olde Trip to Jerusalem"});
    private static final String[] FR_STREETS = {"rue de la Roquette", "avenue Jean Jaurès", "boulevard Voltaire",
        "rue Oberkampf", "rue de la République", "cours Berriat", "rue de Saint-Malo"};
    private static final String[] UK_STREETS = {"Mill Road", "High Street", "Station Road", "Church Lane",
        "Victoria Street", "Mansfield Road", "King's Parade"};

    final City city;
    final int carrier;
    private final List<Place> places;

    private Places(City city, int carrier, List<Place> places) {
        this.city = city;
        this.carrier = carrier;
        this.places = places;
    }

    /** Places of every user with traffic, by user id; family members share their home. */
    static Map<Integer, Places> build(Cast cast, long seed) {
        SplittableRandom rng = Seeds.rng(seed, Seeds.LOCATIONS);
        Map<Integer, Places> byUser = new LinkedHashMap<>();
        Map<String, Places> families = new HashMap<>();
        int[] nextId = {1};
        for (User user : cast.users()) {
            if (user.usage() == UsageLevel.IDLE) {
                continue;
            }
            Places family = families.get(user.country() + "/" + user.familyname());
            Places places = of(user, family, nextId, rng);
            families.putIfAbsent(user.country() + "/" + user.familyname(), places);
            byUser.put(user.id(), places);
        }
        return byUser;
    }

    private static Places of(User user, Places family, int[] nextId, SplittableRandom rng) {
        City city = family != null ? family.city : Seeds.pick(rng, user.country() == Country.FR ? City.FR : City.UK);
        List<Place> places = new ArrayList<>();
        places.add(family != null ? family.places.get(0)
            : place(nextId[0]++, "home", "Home", city, 0.05, Network.home(user.country(), rng), user, rng));
        places.add(place(nextId[0]++, "work", "Work", city, 0.02, Network.work(city, rng), user, rng));
        places.add(place(nextId[0]++, null, null, city, 0.03, null, user, rng));
        List<String> labels = new ArrayList<>(List.of(OTHER_LABELS));
        int others = 4 + rng.nextInt(3);
        for (int i = 0; i < others; i++) {
            String label = labels.remove(rng.nextInt(labels.size()));
            places.add(place(nextId[0]++, label, venue(label, user.country(), rng), city, 0.03, null, user, rng));
        }
        return new Places(city, rng.nextInt(4), places);
    }

    private static Place place(int id, String label, String venue, City city, double spread, Network network,
                               User user, SplittableRandom rng) {
        long lat = city.lat() + Math.round(Seeds.uniform(rng, -spread, spread) * 1e6);
        long lon = city.lon() + Math.round(Seeds.uniform(rng, -spread, spread) * 1.4e6);
        boolean fr = user.country() == Country.FR;
        int number = 1 + rng.nextInt(120);
        String street = fr ? number + ", " + Seeds.pick(rng, FR_STREETS) : number + " " + Seeds.pick(rng, UK_STREETS);
        return new Place(id, label, venue, lat, lon, street, city, network);
    }

    private static String venue(String label, Country country, SplittableRandom rng) {
        if (label.equals("parents")) {
            return country == Country.FR ? "Chez mes parents" : "Mum and Dad's";
        }
        if (label.equals("friend")) {
            return null;
        }
        return Seeds.pick(rng, (country == Country.FR ? FR_VENUES : UK_VENUES).get(label));
    }

    Place home() {
        return places.get(0);
    }

    /** A place fitting the role; the unnamed place when none of the user's places fits. */
    Place pick(StayRole role, SplittableRandom rng) {
        List<Place> fitting = new ArrayList<>();
        for (Place place : places) {
            String label = place.label() == null ? "" : place.label();
            if (role.labels.contains(label)) {
                fitting.add(place);
            }
        }
        return fitting.isEmpty() ? places.get(2) : fitting.get(rng.nextInt(fitting.size()));
    }
}
