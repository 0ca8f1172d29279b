package dev.hlm.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionInfoTest {
    private static SessionInfo of(String user) {
        return new SessionInfo(user, "2026-12-06T10:00:00Z", "2026-12-06T10:00:00Z");
    }

    @Test
    void theDomainIsReadFromBothWaysVcentersNameAUser() {
        assertThat(of("administrator@vsphere.local").domain()).contains("vsphere.local");
        assertThat(of("VSPHERE.LOCAL\\Administrator").domain()).contains("vsphere.local");
        assertThat(of("Corp.Example\\ops@team").domain()).as("an @ wins, as in a UPN").contains("team");
    }

    @Test
    void aUserWithoutADomainHasNone() {
        assertThat(of("administrator").domain()).isEmpty();
        assertThat(of("\\administrator").domain()).isEmpty();
        assertThat(of("administrator@").domain()).isEmpty();
        assertThat(of(null).domain()).isEmpty();
    }
}
