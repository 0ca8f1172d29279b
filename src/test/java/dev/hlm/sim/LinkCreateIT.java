package dev.hlm.sim;

import static dev.hlm.sim.SimFixtures.api;
import static dev.hlm.sim.SimFixtures.goodSpec;
import static dev.hlm.sim.SimFixtures.rest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.SimHttp.Reply;
import dev.hlm.tls.Thumbprint;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Links.create against the real simulated PSC (docs/decisions.md B.6.1; decisions D2, D3, D5, D6, D9, D11). */
class LinkCreateIT extends CloudSession {
    private Reply create(Map<String, Object> spec) {
        return http.post("/api/hvc/links", api(spec), admin);
    }

    @Test
    void apiCreateAnswers201WithTheIdAndStoresTheLinkAndItsGroups() {
        Reply reply = create(goodSpec(sim));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().isTextual()).isTrue();
        String id = reply.json().asText();
        assertThat(sim.links()).singleElement().satisfies(link -> {
            assertThat(link.link()).isEqualTo(id);
            assertThat(link.displayName()).isEqualTo("vsphere.local");
        });
        assertThat(sim.administrators()).containsExactly("cloud-admins@corp.local");
        // The cloud side logged in at the PSC and out again.
        assertThat(sim.pscRequests()).extracting(r -> r.method() + " " + r.path())
                .contains("POST /api/session", "GET /api/session", "DELETE /api/session");
    }

    @Test
    void restCreateTakesTheSpecWrappedAndAnswers200WithTheIdWrapped() {
        String token = http.loginRest(sim.cloudAdminUsername(), sim.cloudAdminPassword());
        Map<String, Object> spec = goodSpec(sim);
        spec.put("port", sim.pscPort()); // a number, as the original script sends it (D3)
        Reply reply = http.post("/rest/hvc/links", rest(spec), SimHttp.session(token));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("value").asText()).isEqualTo(sim.links().get(0).link());
    }

    @Test
    void aSecondCreateIsAlreadyExistsNamingTheLinkedDomain() {
        assertThat(create(goodSpec(sim)).status()).isEqualTo(201);
        Map<String, Object> other = goodSpec(sim);
        other.put("domain_name", "other.local");
        for (Map<String, Object> spec : java.util.List.of(goodSpec(sim), other)) {
            Reply again = create(spec);
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.errorType()).isEqualTo("ALREADY_EXISTS");
            assertThat(again.message()).contains("vsphere.local");
        }
        Reply rest = http.post("/rest/hvc/links", rest(goodSpec(sim)), admin);
        assertThat(rest.status()).isEqualTo(400);
        assertThat(rest.errorType()).isEqualTo("com.vmware.vapi.std.errors.already_exists");
        assertThat(sim.links()).hasSize(1);
    }

    @Test
    void theOneDomainRuleIsCheckedBeforeThePscIsContacted() {
        assertThat(create(goodSpec(sim)).status()).isEqualTo(201);
        int pscRequests = sim.pscRequests().size();
        sim.stopPsc();
        assertThat(create(goodSpec(sim)).errorType()).isEqualTo("ALREADY_EXISTS");
        assertThat(sim.pscRequests()).hasSize(pscRequests);
    }

    @Test
    void thePscStoppedIsErrorNamingHostAndPort() {
        sim.stopPsc();
        Reply reply = create(goodSpec(sim));
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.errorType()).isEqualTo("ERROR");
        assertThat(reply.message()).contains("127.0.0.1:" + sim.pscPort());
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at dev.hlm");
        assertThat(sim.links()).isEmpty();

        sim.startPsc();
        assertThat(create(goodSpec(sim)).status()).as("same port after restart").isEqualTo(201);
    }

    @Test
    void aMissingThumbprintIsUnverifiedPeerWithThePscsRealSha256() {
        Map<String, Object> spec = goodSpec(sim);
        spec.remove("ssl_thumbprint");
        Reply reply = create(spec);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorType()).isEqualTo("UNVERIFIED_PEER");
        assertThat(reply.data().path("ssl_thumbprint").asText()).isEqualTo(sim.pscCertificate().sha256().toString())
                .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(reply.data().has("ssl_certificate")).as("9.0 only").isFalse();
        assertThat(reply.message()).isEqualTo("Unable to verify the SSL certificate of 127.0.0.1.");
        // No credentials went to a PSC whose certificate was not vouched for.
        assertThat(sim.pscRequests()).allSatisfy(r -> assertThat(r.header("authorization")).isEmpty());
        assertThat(sim.links()).isEmpty();
    }

    @Test
    void aWrongThumbprintIsUnverifiedPeerInBothFlavors() {
        Map<String, Object> spec = goodSpec(sim);
        spec.put("ssl_thumbprint", sim.cloudCertificate().sha256().toString());
        Reply reply = create(spec);
        assertThat(reply.errorType()).isEqualTo("UNVERIFIED_PEER");
        assertThat(reply.data().path("ssl_thumbprint").asText()).isEqualTo(sim.pscCertificate().sha256().toString());

        spec.put("ssl_thumbprint", "not a thumbprint");
        Reply rest = http.post("/rest/hvc/links", rest(spec), admin);
        assertThat(rest.status()).isEqualTo(400);
        assertThat(rest.errorType()).isEqualTo("com.vmware.vapi.std.errors.unverified_peer");
        assertThat(rest.data().path("ssl_thumbprint").asText()).isEqualTo(sim.pscCertificate().sha256().toString());
    }

    @Test
    void sha1AndLowerCaseAndColonlessThumbprintsAreAccepted() {
        String sha1 = Thumbprint.sha1(sim.pscCertificate().certificate()).toString();
        String sha256 = sim.pscCertificate().sha256().toString();
        for (String thumbprint : java.util.List.of(sha1, sha1.toLowerCase(Locale.ROOT).replace(":", ""),
                sha256.toLowerCase(Locale.ROOT), sha256.replace(":", ""))) {
            Map<String, Object> spec = goodSpec(sim);
            spec.put("ssl_thumbprint", thumbprint);
            Reply reply = create(spec);
            assertThat(reply.status()).as(thumbprint + ": " + reply.body()).isEqualTo(201);
            assertThat(http.delete("/api/hvc/links/" + reply.json().asText(), admin).status()).isEqualTo(204);
        }
    }

    @Test
    void aWrongPscPasswordIsInvalidArgumentNamingUsername() {
        Map<String, Object> spec = goodSpec(sim);
        spec.put("password", "not-the-password");
        Reply reply = create(spec);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorType()).isEqualTo("INVALID_ARGUMENT");
        assertThat(reply.message()).contains("username").doesNotContain("not-the-password");
        assertThat(sim.links()).isEmpty();
    }

    @Test
    void aDomainThatIsNotThePscsIsInvalidArgumentNamingDomainName() {
        Map<String, Object> spec = goodSpec(sim);
        spec.put("domain_name", "corp.local");
        Reply reply = create(spec);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorType()).isEqualTo("INVALID_ARGUMENT");
        assertThat(reply.message()).contains("domain_name").contains("vsphere.local");
        // It logged out at the PSC even though the create failed.
        assertThat(sim.pscRequests()).extracting(RecordedRequest::method).contains("DELETE");

        spec.put("domain_name", "VSPHERE.LOCAL");
        assertThat(create(spec).status()).as("domains compare case-insensitively").isEqualTo(201);
    }

    @Test
    void aMissingFieldIsInvalidArgumentWithTheVapiMessage() {
        Map<String, Object> spec = goodSpec(sim);
        spec.remove("domain_name");
        Reply reply = create(spec);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).isEqualTo(SimHttp.json("""
                {"error_type": "INVALID_ARGUMENT",
                 "messages": [{"id": "vapi.data.structure.field.missing",
                               "default_message": "Structure com.vmware.vcenter.hvc.links.create_spec is missing a field \\"domain_name\\"",
                               "args": ["com.vmware.vcenter.hvc.links.create_spec", "domain_name"]}]}
                """));
        Reply noSpec = http.post("/rest/hvc/links", api(goodSpec(sim)), admin);
        assertThat(noSpec.errorType()).isEqualTo("com.vmware.vapi.std.errors.invalid_argument");
        assertThat(noSpec.message()).contains("spec");
        assertThat(http.post("/api/hvc/links", "{not json", admin).errorType()).isEqualTo("INVALID_ARGUMENT");
        assertThat(sim.pscRequests()).isEmpty();
    }

    @Test
    void thePortMayBeAStringOrANumberAndMustBeAPort() {
        for (Object bad : java.util.List.of("0", "65536", "https", -1, 1.5, true)) {
            Map<String, Object> spec = goodSpec(sim);
            spec.put("port", bad);
            Reply reply = create(spec);
            assertThat(reply.errorType()).as(String.valueOf(bad)).isEqualTo("INVALID_ARGUMENT");
            assertThat(reply.message()).contains("port");
        }
        Map<String, Object> spec = goodSpec(sim);
        spec.remove("port");
        Reply reply = create(spec);
        assertThat(reply.message()).as("absent means 443").contains("127.0.0.1:443");
    }

    @Test
    void adminGroupsMustLookLikeGroupAtDomain() {
        for (String bad : java.util.List.of("admins", "@corp.local", "a@b@c", "ops\n@corp.local")) {
            Map<String, Object> spec = goodSpec(sim);
            spec.put("admin_groups", java.util.List.of(bad));
            Reply reply = create(spec);
            assertThat(reply.errorType()).as(bad).isEqualTo("INVALID_ARGUMENT");
            assertThat(reply.message()).contains("admin_groups");
        }
    }

    @Test
    void aReadOnlyUserIsUnauthorizedNamingHlmManage() {
        String[] readOnly = SimHttp.session(http.loginApi(sim.readOnlyUsername(), sim.readOnlyPassword()));
        Reply reply = http.post("/api/hvc/links", api(goodSpec(sim)), readOnly);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.errorType()).isEqualTo("UNAUTHORIZED");
        assertThat(reply.message()).contains("HLM.Manage");
        assertThat(http.get("/api/hvc/links", readOnly).status()).as("list needs System.Read only").isEqualTo(200);
    }

    @Test
    void concurrentCreatesLetExactlyOneWin() throws Exception {
        int threads = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var replies = new java.util.ArrayList<java.util.concurrent.Future<Reply>>();
            for (int i = 0; i < threads; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return create(goodSpec(sim));
                }));
            }
            start.countDown();
            var statuses = new java.util.ArrayList<String>();
            for (var reply : replies) {
                Reply r = reply.get(30, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(r.status() == 201 ? "created" : r.errorType());
            }
            assertThat(statuses).containsOnlyOnce("created").containsOnly("created", "ALREADY_EXISTS");
            assertThat(sim.links()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
