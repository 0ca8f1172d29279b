package dev.hlm.client;

import static dev.hlm.client.HlmOperation.LINK_CREATE_WITH_CERTIFICATE;
import static dev.hlm.client.HlmOperation.LINK_DELETE_WITH_CREDENTIALS;
import static dev.hlm.client.HlmOperation.LINK_GET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.api.Flavor;
import dev.hlm.api.VersionInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From a version endpoint's answer to the operations a server offers (decisions D7, D8). */
class NegotiationTest {
    private static VersionInfo version(String version, String product) {
        return new VersionInfo(version, product, "1", "t", "s", "d", "i");
    }

    @Test
    void releasesCompareByTheirLeadingNumbers() {
        assertThat(Negotiation.release("8.0.1.00000")).containsExactly(8, 0, 1, 0);
        assertThat(Negotiation.release("9.0")).containsExactly(9, 0);
        assertThat(Negotiation.release("7.0.3-beta")).containsExactly(7, 0);
        assertThat(Negotiation.release("unknown")).isNull();
        assertThat(Negotiation.atLeast(List.of(8, 0, 1, 0), List.of(8, 0, 1))).isTrue();
        assertThat(Negotiation.atLeast(List.of(8, 0, 0), List.of(8, 0, 1))).isFalse();
        assertThat(Negotiation.atLeast(List.of(9, 0), List.of(8, 0, 1))).isTrue();
        assertThat(Negotiation.atLeast(List.of(9), List.of(9, 0))).isTrue();
        assertThat(Negotiation.atLeast(List.of(10, 0), List.of(9, 0))).isTrue();
    }

    @Test
    void eachReleaseOffersWhatItAdded() {
        assertThat(Negotiation.serverInfo(version("6.7.0.20000", "VMware vCenter Server"), Flavor.REST).operations())
                .doesNotContain(LINK_GET, LINK_DELETE_WITH_CREDENTIALS, LINK_CREATE_WITH_CERTIFICATE)
                .contains(HlmOperation.LINK_CREATE, HlmOperation.LINK_DELETE, HlmOperation.ADMINISTRATORS_SET);
        assertThat(Negotiation.serverInfo(version("8.0.0.10000", "VMware vCenter Server"), Flavor.API).offers(LINK_GET))
                .as("8.0 GA has no get").isFalse();
        assertThat(Negotiation.serverInfo(version("8.0.1.00000", "VMware vCenter Server"), Flavor.API).operations())
                .contains(LINK_GET, LINK_DELETE_WITH_CREDENTIALS).doesNotContain(LINK_CREATE_WITH_CERTIFICATE);
        assertThat(Negotiation.serverInfo(version("9.0.0.0", "VMware vCenter Server"), Flavor.API).operations())
                .contains(LINK_GET, LINK_DELETE_WITH_CREDENTIALS, LINK_CREATE_WITH_CERTIFICATE);
    }

    @Test
    void theUnlinkWithCredentialsNeedsApiAndACloudVcenter() {
        ServerInfo rest = Negotiation.serverInfo(version("8.0.1.00000", "VMware vCenter Server"), Flavor.REST);
        assertThat(rest.operations()).contains(LINK_GET).doesNotContain(LINK_DELETE_WITH_CREDENTIALS);
        ServerInfo gateway = Negotiation.serverInfo(version("8.0.1.00000", "VMware vCenter Cloud Gateway"), Flavor.API);
        assertThat(gateway.role()).isEqualTo(ServerInfo.Role.GATEWAY);
        assertThat(gateway.operations()).contains(LINK_GET).doesNotContain(LINK_DELETE_WITH_CREDENTIALS);
    }

    @Test
    void withoutAVersionEndpointTheFlavorTellsTheOldestPossibleRelease() {
        ServerInfo rest = Negotiation.serverInfo(null, Flavor.REST);
        assertThat(rest.version()).isNull();
        assertThat(rest.role()).isEqualTo(ServerInfo.Role.CLOUD_VCENTER);
        assertThat(rest.operations()).doesNotContain(LINK_GET, LINK_DELETE_WITH_CREDENTIALS);
        assertThat(rest.describe()).contains("version unknown");
        assertThat(Negotiation.serverInfo(null, Flavor.API).operations()).doesNotContain(LINK_GET);
    }

    @Test
    void operationsKeepTheirOrder() {
        ServerInfo info = Negotiation.serverInfo(version("9.0", "VMware vCenter Server"), Flavor.API);
        assertThat(info.operations()).containsExactly(java.util.Arrays.stream(HlmOperation.values())
                .filter(op -> op != HlmOperation.LINK_SYNC).toArray(HlmOperation[]::new));
        assertThat(info.describe()).isEqualTo("VMware vCenter Server 9.0 (build 1)");
    }

    @Test
    void syncIsOfferedBefore801AndNoHlmOperationFrom91On() {
        assertThat(Negotiation.serverInfo(version("7.0.3", "VMware vCenter Server"), Flavor.API)
                .offers(HlmOperation.LINK_SYNC)).isTrue();
        assertThat(Negotiation.serverInfo(version("8.0.0", "VMware vCenter Server"), Flavor.API)
                .offers(HlmOperation.LINK_SYNC)).as("8.0 GA still had it").isTrue();
        assertThat(Negotiation.serverInfo(version("8.0.1", "VMware vCenter Server"), Flavor.API)
                .offers(HlmOperation.LINK_SYNC)).isFalse();
        ServerInfo v91 = Negotiation.serverInfo(version("9.1.0", "VMware vCenter Server"), Flavor.API);
        assertThat(v91.operations()).isEmpty();
        assertThat(v91.hasHlmApi()).isFalse();
        assertThat(Negotiation.serverInfo(version("9.0", "VMware vCenter Server"), Flavor.API).hasHlmApi()).isTrue();
    }
}
