package dev.hlm.sim;

import dev.hlm.tls.GeneratedCertificate;
import java.time.Duration;
import java.util.List;

/** What {@link Simulator.Builder#build()} fixed: an immutable snapshot, so later builder calls change nothing. */
record SimSettings(
        ApiVersion apiVersion,
        Role role,
        String cloudAdminUser,
        char[] cloudAdminPassword,
        String readOnlyUser,
        char[] readOnlyPassword,
        String pscAdminUser,
        char[] pscAdminPassword,
        String domainName,
        int cloudPort,
        int pscPort,
        Duration linkDelay,
        Duration sessionIdleTimeout,
        Duration clockOffset,
        Duration pscClockOffset,
        GeneratedCertificate cloudCertificate,
        GeneratedCertificate pscCertificate,
        String pscVersion,
        List<Account> moreCloudAccounts,
        Duration latency,
        Duration pscLatency) {

    SimSettings {
        moreCloudAccounts = List.copyOf(moreCloudAccounts);
        cloudAdminPassword = cloudAdminPassword.clone();
        readOnlyPassword = readOnlyPassword.clone();
        pscAdminPassword = pscAdminPassword.clone();
    }

    /** Never shows a password. */
    @Override
    public String toString() {
        return "SimSettings[" + apiVersion + ", " + role + ", " + cloudAdminUser + ", " + readOnlyUser + ", "
                + pscAdminUser + ", " + domainName + "]";
    }
}
