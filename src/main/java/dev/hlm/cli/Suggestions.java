package dev.hlm.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What a mistyped command or option probably meant, closest first: the names the typed word starts (or is
 * the start of), then those within a few edits (a swapped pair of letters counts as one), each option once
 * by its name nearest to what was typed. picocli's own suggestions miss {@code craete} for {@code create}
 * and list a dozen options in no order.
 */
final class Suggestions {
    /** At most this many: the hint is one line. */
    private static final int MAX = 3;

    private Suggestions() {}

    /** For the first argument picocli could not match; empty when nothing is close. */
    static List<String> forUnmatched(CommandLine.UnmatchedArgumentException e) {
        if (e.getUnmatched().isEmpty()) {
            return List.of();
        }
        String typed = e.getUnmatched().get(0);
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        List<List<String>> candidates = new ArrayList<>();
        if (typed.startsWith("-")) {
            typed = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
            for (OptionSpec option : spec.options()) {
                if (!option.hidden()) {
                    candidates.add(List.of(option.names()));
                }
            }
        } else {
            spec.subcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    candidates.add(List.of(name));
                }
            });
        }
        return closest(typed, candidates);
    }

    /** Each group is one thing under its names (an option's aliases): it is suggested once, by its nearest name. */
    static List<String> closest(String typed, List<List<String>> groups) {
        record Match(String name, int rank) {}
        List<Match> matches = new ArrayList<>();
        String t = typed.toLowerCase(Locale.ROOT);
        for (List<String> names : groups) {
            Match best = null;
            for (String name : names) {
                int rank = rank(t, name.toLowerCase(Locale.ROOT));
                if (rank >= 0 && (best == null || rank < best.rank())) {
                    best = new Match(name, rank);
                }
            }
            if (best != null) {
                matches.add(best);
            }
        }
        return matches.stream()
                .sorted(Comparator.comparingInt(Match::rank).thenComparing(Match::name))
                .limit(MAX)
                .map(Match::name)
                .toList();
    }

    /**
     * 0 for a name the typed word starts or is the start of (a long enough one), else the edit distance
     * plus one when it is small for the word's length; -1 when the name is not close.
     */
    private static int rank(String typed, String name) {
        String bare = typed.replaceFirst("^-+", "");
        if (bare.length() >= 3 && (name.startsWith(typed) || typed.startsWith(name) && name.replaceFirst("^-+", "").length() >= 3)) {
            return 0;
        }
        int distance = distance(typed, name);
        return distance <= Math.max(2, bare.length() / 3) ? distance + 1 : -1;
    }

    /** Edits from a to b: insert, delete, replace, or swap two neighbours (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
