package dev.hlm.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The clock limits: the two sites within 10 minutes (FAIL beyond), within 1 minute (WARN beyond). */
class ClockCheckTest {
    private static CheckResult judge(Duration cloud, Duration psc) {
        Checklist list = new Checklist();
        ClockCheck.judge(list, Optional.ofNullable(cloud), Optional.ofNullable(psc));
        return list.rows().get(0);
    }

    @Test
    void sitesInStepPass() {
        CheckResult r = judge(Duration.ofMillis(300), Duration.ofSeconds(-20));
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.observed()).contains("cloud vCenter +0s", "PSC -20s", "20s apart");
    }

    @Test
    void moreThanAMinuteApartWarnsAndNamesTheClockToFix() {
        CheckResult r = judge(Duration.ZERO, Duration.ofMinutes(2));
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.remedy()).contains("PSC's clock");
    }

    @Test
    void moreThanTenMinutesApartFails() {
        CheckResult r = judge(Duration.ofMinutes(15), Duration.ZERO);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.observed()).contains("cloud vCenter +15m 0s", "15m 0s apart");
        assertThat(r.remedy()).contains("10 minutes", "cloud vCenter's clock");
        assertThat(judge(Duration.ofMinutes(10), Duration.ZERO).status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void thisMachineOffWhileTheSitesAgreeIsOnlyAWarning() {
        CheckResult r = judge(Duration.ofMinutes(-30), Duration.ofMinutes(-30));
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.remedy()).contains("this machine's clock");
    }

    @Test
    void withOneSideUnknownThatSideIsComparedWithThisMachine() {
        assertThat(judge(Duration.ofMinutes(11), null).status()).isEqualTo(CheckStatus.FAIL);
        CheckResult warn = judge(null, Duration.ofMinutes(-3));
        assertThat(warn.status()).isEqualTo(CheckStatus.WARN);
        assertThat(warn.observed()).contains("PSC -3m 0s", "cloud vCenter's clock is unknown");
        // Even a side that agrees with this machine is no pass: the two sites could not be compared.
        CheckResult agreeing = judge(null, Duration.ofSeconds(5));
        assertThat(agreeing.status()).isEqualTo(CheckStatus.WARN);
        assertThat(agreeing.remedy()).contains("check again when the cloud vCenter answers");
        assertThat(judge(null, null).status()).isEqualTo(CheckStatus.SKIP);
    }

    @Test
    void offsetsAreShownToTheNearestSecond() {
        assertThat(ClockCheck.signed(Duration.ofMillis(-400))).isEqualTo("+0s");
        assertThat(ClockCheck.signed(Duration.ofMillis(-125_600))).isEqualTo("-2m 6s");
        assertThat(ClockCheck.signed(Duration.ofMinutes(90))).isEqualTo("+1h 30m");
    }
}
