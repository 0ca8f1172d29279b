package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
