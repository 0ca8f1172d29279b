package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpTraceTest {
    @Test
    void masksEverySecretButKeepsTheRest() {
        StringWriter sink = new StringWriter();
        HttpTrace trace = HttpTrace.to(new PrintWriter(sink));
        HttpHeaders headers = HttpHeaders.of(Map.of(
                "Authorization", List.of("Basic c2VjcmV0"),
                "vmware-api-session-id", List.of("0123456789abcdef0123456789abcdef"),
                "Cookie", List.of("vmware-api-session-id=0123456789abcdef"),
                "Content-Type", List.of("application/json")), (a, b) -> true);
        trace.request("POST", URI.create("https://vc/api/hvc/links"), headers,
                "{\"psc_hostname\":\"psc\",\"password\":\"s3cr\\\"et\",\"credentials\":{\"user_name\":\"a\",\"password\":\"x\"}}");
        trace.response(201, URI.create("https://vc/api/session"), headers, "\"0123456789abcdef0123456789abcdef\"");

        String text = sink.toString();
        assertThat(text).doesNotContain("c2VjcmV0", "0123456789abcdef", "s3cr", "\"x\"")
                .contains("> POST https://vc/api/hvc/links", "Content-Type: application/json",
                        "\"psc_hostname\":\"psc\"", "\"user_name\":\"a\"", "< 201");
    }

    /** The token is opaque: a login answer that is a number, a boolean or not JSON at all is masked just the same. */
    @ParameterizedTest(name = "{0} answers {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/session | 987654321",
            "/api/session | -987654321.5e3",
            "/api/session | true",
            "/api/session | \"987654321\"",
            "/api/session | 987654321 and then some",
            "/rest/com/vmware/cis/session | {\"value\": 987654321}",
            "/rest/com/vmware/cis/session | {\"value\":\"987654321\"}",
            "/rest/com/vmware/cis/session | { \"value\" : 987654321 , \"extra\": 1 }",
            "/rest/com/vmware/cis/session | {\"value\": 987654321",
    })
    void aLoginAnswersTokenIsMaskedWhateverItLooksLike(String path, String body) {
        StringWriter sink = new StringWriter();
        HttpTrace.to(new PrintWriter(sink)).response(201, URI.create("https://vc" + path), HttpHeaders.of(Map.of(), (a, b) -> true), body);
        assertThat(sink.toString()).contains("< 201 https://vc" + path, "***").doesNotContain("987654321");
    }

    @Test
    void whoTheSessionIsStaysReadable() {
        StringWriter sink = new StringWriter();
        HttpTrace trace = HttpTrace.to(new PrintWriter(sink));
        HttpHeaders none = HttpHeaders.of(Map.of(), (a, b) -> true);
        trace.response(200, URI.create("https://vc/api/session"), none, "{\"user\":\"VSPHERE.LOCAL\\\\alice\",\"created_time\":\"t\"}");
        trace.response(200, URI.create("https://vc/rest/com/vmware/cis/session?~action=get"), none,
                "{\"value\":{\"user\":\"VSPHERE.LOCAL\\\\bob\"}}");
        assertThat(sink.toString()).contains("alice", "\"created_time\":\"t\"", "bob");
    }

    @Test
    void aPasswordFieldIsMaskedWhateverItsValue() {
        String masked = HttpTrace.maskBody("{\"password\": 12345678, \"old_password\":true, \"name\":\"n\", \"new_password\" : null}");
        assertThat(masked).doesNotContain("12345678", "true", "null").contains("\"name\":\"n\"", "\"password\": \"***\"");
    }
}
