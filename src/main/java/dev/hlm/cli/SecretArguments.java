package dev.hlm.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The passwords a command line holds, given with the original script's {@code -p/--password} and
 * {@code -pp/--pscpass}, in every spelling picocli accepts: {@code --password V}, {@code --password=V},
 * {@code -p V}, {@code -pV}, {@code -p=V}, clustered after flags ({@code -kpV}), and the {@code -pp} forms.
 * {@link Failures} masks them in every message it prints (usage error, {@code --json} record, {@code --nagios}
 * line), since picocli's messages quote the arguments. It errs on the side of masking: an argument that might
 * be a password is treated as one, whatever command it was given to.
 */
final class SecretArguments {
    /** Every option whose value is a password; {@code SecretArgumentsTest} checks this against every command. */
    static final Set<String> OPTIONS = Set.of("-p", "--password", "-pp", "--pscpass");

    /** The single-letter flags that take no value, and so may come before {@code p} in a cluster. */
    static final String FLAGS = "hkvVy";

    /** Options that begin with {@code -p} but whose value is no secret (the script's PSC user, host, thumbprint). */
    static final Set<String> NOT_SECRET = Set.of("-pu", "-ph", "-pt");

    private static final Pattern CLUSTER = Pattern.compile("-[" + FLAGS + "]*p(.*)", Pattern.DOTALL);
    private static final String MASK = "***";

    /** The values to mask, longest first, so that one inside another is masked whole. */
    private final List<String> secrets;

    private SecretArguments(List<String> secrets) {
        this.secrets = secrets;
    }

    static SecretArguments in(List<String> args) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            boolean valueFollows = valueFollows(arg, found);
            if (valueFollows && i + 1 < args.size()) {
                found.add(args.get(i + 1));
            }
        }
        found.removeIf(String::isEmpty);
        found.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretArguments(List.copyOf(found));
    }

    /** Adds the password {@code arg} carries itself to {@code found}; true when the next argument is one. */
    private static boolean valueFollows(String arg, List<String> found) {
        if (OPTIONS.contains(arg)) {
            return true;
        }
        int equals = arg.indexOf('=');
        String name = equals < 0 ? arg : arg.substring(0, equals);
        if (NOT_SECRET.contains(name) || arg.startsWith("--") && !OPTIONS.contains(name)) {
            return false;
        }
        if (OPTIONS.contains(name)) {
            found.add(arg.substring(equals + 1));
            return false;
        }
        Matcher cluster = CLUSTER.matcher(arg);
        if (!cluster.matches()) {
            return false;
        }
        // -pV is -p with V; -ppV reads as -p with pV, and -pp=V as -pp with V: mask each reading.
        String rest = cluster.group(1);
        if (rest.isEmpty() || rest.equals("p")) {
            return true;
        }
        found.add(rest);
        found.add(withoutEquals(rest));
        if (rest.startsWith("p")) {
            found.add(withoutEquals(rest.substring(1)));
        }
        return false;
    }

    private static String withoutEquals(String value) {
        return value.startsWith("=") ? value.substring(1) : value;
    }

    /** {@code text} with every password of the command line replaced by {@code ***}. */
    String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
