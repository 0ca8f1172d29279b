package dev.hlm.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionInfoTest {
    private static VersionInfo of(String version) {
        return new VersionInfo(version, "VMware vCenter Server", "1", null, null, null, null);
    }

    @Test
    void comparesNumericPartsWithMissingPartsAsZero() {
        assertThat(VersionInfo.compare("6.7", "6.7.0.0")).isZero();
        assertThat(VersionInfo.compare("6.7.0.20000", "6.7")).isPositive();
        assertThat(VersionInfo.compare("6.5.0", "6.7")).isNegative();
        assertThat(VersionInfo.compare("6.10", "6.7")).isPositive();
        assertThat(VersionInfo.compare("8.0.1.00000", "8.0.1")).isZero();
        assertThat(VersionInfo.compare("7.0U3", "7.0")).isZero();
    }

    @Test
    void theMinimumIsSixSeven() {
        assertThat(of("6.7.0.20000").atLeast(VersionInfo.MINIMUM_ONPREM_VERSION)).isTrue();
        assertThat(of("9.0.0.00000").atLeast(VersionInfo.MINIMUM_ONPREM_VERSION)).isTrue();
        assertThat(of("6.5.0").atLeast(VersionInfo.MINIMUM_ONPREM_VERSION)).isFalse();
        assertThat(of("6.0.0").atLeast(VersionInfo.MINIMUM_ONPREM_VERSION)).isFalse();
    }

    @Test
    void somethingThatIsNotAVersionIsNeverEnough() {
        assertThat(of("unknown").atLeast("6.7")).isFalse();
        assertThat(of(null).atLeast("6.7")).isFalse();
        assertThat(VersionInfo.compare("unknown", "0")).isNegative();
    }
}
