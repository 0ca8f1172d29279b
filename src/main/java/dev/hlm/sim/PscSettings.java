package dev.hlm.sim;

import dev.hlm.tls.GeneratedCertificate;
import java.util.Set;

/** The PSC's settings (see {@link ServerSettings} for how they are filled and snapshotted). */
final class PscSettings extends ServerSettings {
    /** The PSC's SSO domain. */
    String domainName = "vsphere.local";
    /** How the PSC's session endpoint names the user: {@code administrator@vsphere.local}, or down-level. */
    UserForm userForm = UserForm.UPN;
    /** The on-prem SSO administrator the PSC accepts. */
    Account admin = new Account("administrator@vsphere.local", Passwords.random(), Set.of());
    /**
     * What the version endpoint reports: an {@link ApiVersion} label plays that release, any other dotted
     * number (an old PSC, {@code 6.5.0}) is reported as it is; null: the cloud vCenter's release.
     */
    String release;
    /** The certificate of a man in the middle on the cloud vCenter's way to the PSC; null for none. */
    GeneratedCertificate interceptorCertificate;
    /** Create specs name the PSC by an address only the cloud vCenter reaches. */
    boolean reachableOnlyFromCloud;

    PscSettings() {
        super("hlm-sim-psc");
    }

    PscSettings snapshot(ApiVersion cloudRelease) {
        PscSettings copy = (PscSettings) copyForBuild();
        if (copy.release == null) {
            copy.release = cloudRelease.label();
        }
        return copy;
    }

    /**
     * The interceptor's settings: the same PSC (accounts, domain, release) presenting another certificate, on
     * a port of its own.
     */
    PscSettings interceptor() {
        PscSettings copy = (PscSettings) copyForBuild();
        copy.certificate = interceptorCertificate;
        copy.port = 0;
        copy.interceptorCertificate = null;
        return copy;
    }

    /** Never shows a password. */
    @Override
    public String toString() {
        return "PscSettings[" + domainName + ", " + admin + ", " + release + ", port " + port + "]";
    }
}
