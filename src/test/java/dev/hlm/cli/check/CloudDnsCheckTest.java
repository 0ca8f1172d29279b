package dev.hlm.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cloud vCenter's name must resolve to a private address, as the on-prem side reaches it over the VPN. */
class CloudDnsCheckTest {
    private static final String VCENTER = "vcenter.sddc-1-2-3-4.vmwarevmc.com";

    /** A DNS that answers from a table: no lookup leaves this machine. */
    private record Dns(Map<String, List<String>> answers) implements Network {
        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            List<String> ips = answers.get(host);
            if (ips == null) {
                throw new UnknownHostException(host);
            }
            List<InetAddress> result = new java.util.ArrayList<>();
            for (String ip : ips) {
                result.add(InetAddress.getByName(ip)); // IP literals: no lookup
            }
            return result;
        }

        @Override
        public Duration connect(InetSocketAddress address, Duration timeout) throws IOException {
            throw new IOException("not used");
        }

        @Override
        public X509Certificate certificate(String host, int port, Duration timeout) throws IOException {
            throw new IOException("not used");
        }

        @Override
        public Duration clockOffset(URI server, Duration timeout) throws IOException {
            throw new IOException("not used");
        }
    }

    private static CheckResult check(Map<String, List<String>> answers, String host) {
        Checklist list = new Checklist();
        CloudDnsCheck.run(list, new Dns(answers), host);
        return list.rows().get(0);
    }

    @Test
    void aPrivateAddressPasses() {
        CheckResult r = check(Map.of(VCENTER, List.of("10.2.3.4")), VCENTER);
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.observed()).isEqualTo(VCENTER + " resolves to 10.2.3.4 (private)");
        assertThat(check(Map.of(VCENTER, List.of("172.16.0.9", "fd00::5")), VCENTER).status()).isEqualTo(CheckStatus.PASS);
        assertThat(check(Map.of("192.168.1.10", List.of("192.168.1.10")), "192.168.1.10").observed())
                .isEqualTo("192.168.1.10 is an address (private)");
    }

    @Test
    void aPublicAddressWarnsWithTheRemedy() {
        CheckResult r = check(Map.of(VCENTER, List.of("10.2.3.4", "54.1.2.3")), VCENTER);
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.observed()).contains("54.1.2.3", "public");
        assertThat(r.remedy()).contains("private IP", "on-prem DNS");
        assertThat(check(Map.of(VCENTER, List.of("2600:1f18::1")), VCENTER).status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void aNameThatDoesNotResolveFails() {
        CheckResult r = check(Map.of(), VCENTER);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.observed()).isEqualTo(VCENTER + " does not resolve on this machine");
    }
}
