package dev.hlm.api;

/** {@code GET /api/appliance/system/version} (decision D15), served by the cloud vCenter and each PSC. */
public record VersionInfo(
        String version,
        String product,
        String build,
        String type,
        String summary,
        String releasedate,
        String installTime) {

    /**
     * The oldest on-prem vCenter (PSC) release Hybrid Linked Mode supports. Older docs name 6.0U3c and 6.5d,
     * later ones 6.7 (docs/decisions.md B.11); the simulator refuses older PSCs with UNSUPPORTED and
     * {@code hlm link check} fails them, both by this one number.
     */
    public static final String MINIMUM_ONPREM_VERSION = "6.7";

    /** True when {@link #version()} is at least {@code minimum}; false also when it is not a dotted number. */
    public boolean atLeast(String minimum) {
        return compare(version, minimum) >= 0;
    }

    /**
     * Compares dotted version numbers by their numeric parts ({@code 6.7.0.20000} against {@code 6.7}:
     * missing parts count as 0). A version that does not start with a number sorts below every other.
     */
    public static int compare(String a, String b) {
        int[] x = parts(a);
        int[] y = parts(b);
        if (x.length == 0 || y.length == 0) {
            return Integer.compare(x.length == 0 ? 0 : 1, y.length == 0 ? 0 : 1);
        }
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The leading numeric parts: {@code 8.0.1.00000} → [8, 0, 1, 0]; {@code 7.0U3} → [7, 0]. */
    private static int[] parts(String version) {
        if (version == null) {
            return new int[0];
        }
        String[] pieces = version.trim().split("\\.");
        int[] result = new int[pieces.length];
        int n = 0;
        for (String piece : pieces) {
            int end = 0;
            while (end < piece.length() && end < 9 && Character.isDigit(piece.charAt(end))) {
                end++;
            }
            if (end == 0) {
                break;
            }
            result[n++] = Integer.parseInt(piece.substring(0, end));
            if (end < piece.length()) {
                break;
            }
        }
        return java.util.Arrays.copyOf(result, n);
    }
}
