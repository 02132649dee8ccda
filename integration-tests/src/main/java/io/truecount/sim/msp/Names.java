package io.truecount.sim.msp;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** Business names, addresses and people's first names for the sample MSP; unique where they must be. */
final class Names {

    private static final List<String> PLACES = List.of(
            "Riverside",
            "Oakmont",
            "Cedar Hill",
            "Lakeview",
            "Harborview",
            "Maple Grove",
            "Summit Ridge",
            "Brookfield",
            "Pinecrest",
            "Fairview",
            "Willow Creek",
            "Stonebridge",
            "Clearwater",
            "Northgate",
            "Eastwood",
            "Highland Park",
            "Silver Lake",
            "Meadowbrook",
            "Bayside",
            "Granite Falls",
            "Red Oak",
            "Ashford",
            "Kingsport",
            "Westfield",
            "Mill Creek",
            "Sunrise",
            "Elm Grove",
            "Hillcrest",
            "Crescent",
            "Copper Valley");
    private static final List<String> SURNAMES = List.of(
            "Hartwell",
            "Pike",
            "Donovan",
            "Whitaker",
            "Alvarez",
            "Chen",
            "Okafor",
            "Lindqvist",
            "Marlow",
            "Brennan",
            "Castillo",
            "Patel",
            "Sullivan",
            "Novak",
            "Fitzgerald",
            "Moreno",
            "Harrington",
            "Kowalski",
            "Nakamura",
            "Delgado",
            "Ramsey",
            "Thornton",
            "Vance",
            "Abernathy",
            "Ellison",
            "Greer",
            "Holloway",
            "Kessler",
            "Mercer",
            "Prescott",
            "Quinn",
            "Sato",
            "Underwood",
            "Weston",
            "Yates");
    private static final List<String> FIRST_NAMES = List.of(
            "Sarah", "Mike", "Priya", "James", "Elena", "David", "Aisha", "Tom", "Maria", "Kevin", "Grace", "Luis",
            "Hannah", "Omar", "Julia", "Ben", "Chloe", "Raj", "Emily", "Noah");
    private static final List<String> STREETS = List.of(
            "Main St",
            "Oak Ave",
            "Elm Rd",
            "Maple Dr",
            "Washington Blvd",
            "Park Ave",
            "Market St",
            "Church St",
            "High St",
            "Center St",
            "Pine St",
            "Lake Rd",
            "Commerce Pkwy",
            "Industrial Dr",
            "Professional Pkwy");

    private record City(String name, String postalCode) {}

    private static final List<City> CITIES = List.of(
            new City("Albany", "12207"),
            new City("Rochester", "14604"),
            new City("Hartford", "06103"),
            new City("Stamford", "06901"),
            new City("Newark", "07102"),
            new City("Princeton", "08540"),
            new City("Philadelphia", "19103"),
            new City("Allentown", "18101"),
            new City("Baltimore", "21201"),
            new City("Richmond", "23219"),
            new City("Raleigh", "27601"),
            new City("Charlotte", "28202"),
            new City("Atlanta", "30303"),
            new City("Orlando", "32801"),
            new City("Tampa", "33602"),
            new City("Boston", "02108"),
            new City("Worcester", "01608"),
            new City("Providence", "02903"),
            new City("Pittsburgh", "15222"),
            new City("Columbus", "43215"),
            new City("Buffalo", "14202"),
            new City("Syracuse", "13202"),
            new City("Portland", "04101"),
            new City("Burlington", "05401"));

    private final Random random;
    private final Set<String> usedBusinessNames = new HashSet<>();
    private final Set<String> usedIds = new HashSet<>();

    Names(Random random) {
        this.random = random;
    }

    /** A business name no other organization of this MSP carries. */
    String business(Industry industry) {
        for (int attempt = 0; attempt < 40; attempt++) {
            String name = fill(pick(industry.namePatterns()));
            if (usedBusinessNames.add(name)) {
                return name;
            }
        }
        // A very large MSP exhausts the combinations: a city suffix keeps names unique and still plausible.
        String base =
                fill(pick(industry.namePatterns())) + " of " + pick(CITIES).name();
        String name = base;
        for (int branch = 2; !usedBusinessNames.add(name); branch++) {
            name = base + " " + branch;
        }
        return name;
    }

    /** The kebab-case customer id the YAML keys a business by, unique. */
    String customerId(String businessName) {
        String base = slug(businessName, "-");
        String id = base;
        for (int n = 2; !usedIds.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    SampleAddress address() {
        String line1 = (10 + random.nextInt(990)) + " " + pick(STREETS);
        if (random.nextInt(10) < 3) {
            line1 += ", Suite " + (100 + random.nextInt(35) * 10);
        }
        City city = pick(CITIES);
        return new SampleAddress(line1, city.name(), city.postalCode(), "US");
    }

    String firstName() {
        return pick(FIRST_NAMES);
    }

    String surname() {
        return pick(SURNAMES);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Hostname prefix from a business name's initials: "Riverside Family Dental" → "RFD". */
    static String hostPrefix(String businessName) {
        StringBuilder initials = new StringBuilder();
        List<String> words =
                List.of(businessName.replaceAll("[^A-Za-z ]", " ").trim().split("\\s+"));
        for (String word : words) {
            if (!Set.of("of", "and", "LLP", "PC", "Inc", "CPAs").contains(word) && initials.length() < 4) {
                initials.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        if (initials.length() < 2) {
            return words.get(0).substring(0, Math.min(3, words.get(0).length())).toUpperCase(Locale.ROOT);
        }
        return initials.toString();
    }

    /** Lower-case words joined by a separator: ("Chen & Pike LLP", "-") → "chen-pike-llp". */
    static String slug(String text, String separator) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", separator).replaceAll("^-|-$", "");
    }

    private String fill(String pattern) {
        String name = pattern;
        while (name.contains("{place}")) {
            name = name.replaceFirst("\\{place}", pick(PLACES));
        }
        while (name.contains("{surname}")) {
            String surname = pick(SURNAMES);
            if (!name.contains(surname)) {
                name = name.replaceFirst("\\{surname}", surname);
            }
        }
        return name;
    }
}
