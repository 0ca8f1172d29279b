package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DateHeaderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-03-09T08:07:06Z"), ZoneOffset.UTC);

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void rewritesTheDateValueOfAResponseHeadAtTheSameLength() {
        String head = "HTTP/1.1 200 OK\r\nContent-type: application/json\r\nDate: Thu, 26 Nov 2026 19:00:00 GMT\r\n"
                + "Content-length: 2\r\n\r\n";
        byte[] rewritten = DateHeader.rewrite(ascii(head), CLOCK);
        assertThat(new String(rewritten, StandardCharsets.US_ASCII))
                .isEqualTo(head.replace("Thu, 26 Nov 2026 19:00:00 GMT", "Tue, 09 Mar 2021 08:07:06 GMT"));
    }

    @Test
    void leavesBodiesAndHeadsWithoutDateAlone() {
        assertThat(DateHeader.rewrite(ascii("{\"x\":\"\\r\\nDate: y\"}"), CLOCK)).isNull();
        assertThat(DateHeader.rewrite(ascii("HTTP/1.1 204 No Content\r\nServer: x\r\n\r\n"), CLOCK)).isNull();
        // A Date in the body after the head is not the header.
        assertThat(DateHeader.rewrite(ascii("HTTP/1.1 200 OK\r\nX: 1\r\n\r\n\r\nDate: Thu, 26 Nov 2026 19:00:00 GMT\r\n"),
                CLOCK)).isNull();
    }

    @Test
    void usesTwoDigitDaysSoTheLengthNeverChanges() {
        Clock early = Clock.fixed(Instant.parse("2021-03-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(DateHeader.now(early)).isEqualTo("Mon, 01 Mar 2021 00:00:00 GMT").hasSize(29);
    }
}
