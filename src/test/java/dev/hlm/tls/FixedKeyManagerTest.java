package dev.hlm.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A generated certificate's server key manager offers its one EC key and whole chain, and nothing else. */
class FixedKeyManagerTest {
    private final GeneratedCertificate root = GeneratedCertificate.builder("hlm test root").build();
    private final GeneratedCertificate leaf = GeneratedCertificate.builder("vcenter").issuedBy(root).build();
    private final FixedKeyManager keys = new FixedKeyManager(leaf.privateKey(), leaf.chain());

    @Test
    void aHandshakeThatAsksForAnEcKeyGetsTheLeafThenItsIssuer() {
        String alias = keys.chooseEngineServerAlias("EC", null, null);

        assertThat(alias).isNotNull();
        assertThat(keys.getPrivateKey(alias)).isSameAs(leaf.privateKey());
        assertThat(keys.getCertificateChain(alias)).containsExactly(leaf.certificate(), root.certificate());
        assertThat(keys.getServerAliases("EC", null)).containsExactly(alias);
    }

    @Test
    void aHandshakeThatCanOnlyUseAnotherKindOfKeyGetsNone() {
        assertThat(keys.chooseEngineServerAlias("RSA", null, null)).isNull();
        assertThat(keys.chooseServerAlias("RSASSA-PSS", null, null)).isNull();
        assertThat(keys.getServerAliases("RSA", null)).isNull();
        assertThat(keys.getPrivateKey("another")).isNull();
        assertThat(keys.getCertificateChain("another")).isNull();
    }

    @Test
    void itNeverActsAsAClient() {
        assertThat(keys.chooseEngineClientAlias(new String[] {"EC"}, null, null)).isNull();
        assertThat(keys.getClientAliases("EC", null)).isNull();
    }

    @Test
    void theChainItHandsOutCannotBeChangedFromOutside() {
        String alias = keys.chooseServerAlias("EC", null, null);
        keys.getCertificateChain(alias)[0] = root.certificate();

        assertThat(keys.getCertificateChain(alias)[0]).isEqualTo(leaf.certificate());
    }
}
