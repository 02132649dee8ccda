package io.truecount.app.mapping;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two organization names are, the way an admin would judge it: case, accents, punctuation and legal forms
 * ("Inc.", "LLC", "GmbH") do not matter, and the order of words does not either.
 */
final class NameMatch {

    /** Legal forms and filler words that say nothing about which business it is. */
    private static final Set<String> NOISE = Set.of(
            "inc",
            "incorporated",
            "llc",
            "llp",
            "ltd",
            "limited",
            "corp",
            "corporation",
            "co",
            "company",
            "gmbh",
            "ag",
            "sa",
            "sarl",
            "bv",
            "nv",
            "plc",
            "pty",
            "pc",
            "pllc",
            "the",
            "and",
            "of");

    private NameMatch() {}

    /** The words that identify a business, lower-case, without accents, punctuation or legal forms. */
    static Set<String> words(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replace("'", "")
                .replaceAll("[^a-z0-9]+", " ")
                .trim();
        Set<String> words = new LinkedHashSet<>(Arrays.asList(plain.split(" ")));
        words.removeIf(w -> w.isEmpty() || NOISE.contains(w));
        return words;
    }

    /**
     * 1.0 for the same identifying words; otherwise the share of words the two have in common (Jaccard), so
     * "Acme Dental" and "Acme Dental Group" score 2/3.
     */
    static double score(String a, String b) {
        Set<String> left = words(a);
        Set<String> right = words(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(left);
        common.retainAll(right);
        Set<String> all = new HashSet<>(left);
        all.addAll(right);
        return (double) common.size() / all.size();
    }

    static List<String> sorted(Set<String> words) {
        return words.stream().sorted().toList();
    }
}
