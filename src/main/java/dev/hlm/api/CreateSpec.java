package dev.hlm.api;

import java.util.Arrays;
import java.util.List;

/**
 * {@code com.vmware.vcenter.hvc.links.create_spec}: what the cloud vCenter needs to link the on-prem
 * SSO domain. {@code port} is a string on the wire (decision D3); the password is a {@code char[]} so
 * callers can clear it, and Jackson writes it as a JSON string.
 *
 * @param sslCertificate the PSC's PEM certificate, vSphere 9.0 and later only
 */
public record CreateSpec(
        String pscHostname,
        String port,
        String domainName,
        String username,
        char[] password,
        String sslThumbprint,
        String sslCertificate,
        List<String> adminGroups) {

    public CreateSpec withPassword(char[] newPassword) {
        return new CreateSpec(pscHostname, port, domainName, username, newPassword, sslThumbprint, sslCertificate, adminGroups);
    }

    public CreateSpec withSslThumbprint(String thumbprint) {
        return new CreateSpec(pscHostname, port, domainName, username, password, thumbprint, sslCertificate, adminGroups);
    }

    public CreateSpec withSslCertificate(String pem) {
        return new CreateSpec(pscHostname, port, domainName, username, password, sslThumbprint, pem, adminGroups);
    }

    /** The port as a number, 443 when unset (decision D3); throws NumberFormatException when not a number. */
    public int portNumber() {
        return port == null || port.isBlank() ? Paths.HTTPS_PORT : Integer.parseInt(port.trim());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreateSpec c
                && java.util.Objects.equals(pscHostname, c.pscHostname) && java.util.Objects.equals(port, c.port)
                && java.util.Objects.equals(domainName, c.domainName) && java.util.Objects.equals(username, c.username)
                && Arrays.equals(password, c.password) && java.util.Objects.equals(sslThumbprint, c.sslThumbprint)
                && java.util.Objects.equals(sslCertificate, c.sslCertificate)
                && java.util.Objects.equals(adminGroups, c.adminGroups);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(pscHostname, port, domainName, username, sslThumbprint, adminGroups);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "CreateSpec[pscHostname=" + pscHostname + ", port=" + port + ", domainName=" + domainName
                + ", username=" + username + ", password=***, sslThumbprint=" + sslThumbprint
                + ", sslCertificate=" + (sslCertificate == null ? null : "PEM") + ", adminGroups=" + adminGroups + "]";
    }
}
