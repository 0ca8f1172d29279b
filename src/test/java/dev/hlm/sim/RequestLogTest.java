package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLogTest {
    @Test
    void keepsOnlyTheLatestRequests() {
        RequestLog log = new RequestLog();
        for (int i = 0; i < RequestLog.CAPACITY + 5; i++) {
            log.add(new RecordedRequest("GET", "/" + i, Map.of(), ""));
        }
        assertThat(log.snapshot()).hasSize(RequestLog.CAPACITY);
        assertThat(log.snapshot().get(0).path()).isEqualTo("/5");
    }
}
