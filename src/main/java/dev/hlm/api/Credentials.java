package dev.hlm.api;

/**
 * {@code links.credentials}: the on-prem account for an unlink started from the cloud vCenter.
 * Note {@code user_name} here, unlike CreateSpec's {@code username}.
 */
public record Credentials(String userName, char[] password) {
    @Override
    public String toString() {
        return "Credentials[userName=" + userName + ", password=***]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && java.util.Objects.equals(userName, c.userName)
                && java.util.Arrays.equals(password, c.password);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(userName);
    }
}
