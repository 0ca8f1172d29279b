package dev.hlm.cli.check;

import dev.hlm.tls.HostNames;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cloud vCenter's name must resolve to its private address: the on-prem side reaches the SDDC over the
 * VPN or Direct Connect, not the internet (users.md, "timeouts"). A public answer is a warning, not a
 * failure: hlm itself may run from anywhere, but the on-prem vCenter's DNS is likely to answer the same.
 */
final class CloudDnsCheck {
    private CloudDnsCheck() {}

    static void run(Checklist list, Network network, String host) {
        List<InetAddress> addresses;
        try {
            addresses = network.resolve(host);
        } catch (UnknownHostException e) {
            list.fail(Check.CLOUD_DNS, host + " does not resolve on this machine",
                    "check the name (the SDDC's vCenter FQDN) and this machine's DNS");
            return;
        }
        List<InetAddress> publicOnes = addresses.stream().filter(a -> !isPrivate(a)).toList();
        String shown = addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
        String what = HostNames.isIpLiteral(host) ? host + " is an address" : host + " resolves to " + shown;
        if (publicOnes.isEmpty()) {
            list.pass(Check.CLOUD_DNS, what + " (private)");
        } else {
            list.warn(Check.CLOUD_DNS, what + ", a public address",
                    "HLM reaches the cloud vCenter from on-prem at its private address, over the VPN or Direct "
                            + "Connect: set the SDDC's vCenter FQDN to resolve to its private IP, and make sure the "
                            + "on-prem DNS answers the same");
        }
    }

    /** RFC 1918 and RFC 4193 addresses, and loopback and link-local ones (a lab, the simulator). */
    static boolean isPrivate(InetAddress a) {
        if (a.isSiteLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()) {
            return true;
        }
        // Unique local IPv6 (fc00::/7), which the JDK does not count as site-local.
        return a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
    }
}
