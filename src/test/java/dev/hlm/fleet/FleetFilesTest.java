package dev.hlm.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetFilesTest {
    private static final Path FILE = Path.of("/fleets/hlm.yaml");

    private static Fleet parse(String yaml) {
        return FleetFiles.parse(FILE, yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static FleetFileException refusal(String yaml) {
        try {
            parse(yaml);
        } catch (FleetFileException e) {
            return e;
        }
        throw new AssertionError("accepted: " + yaml);
    }

    private static final String DEFAULTS = """
            defaults:
              username: cloudadmin@vmc.local
              password: env:VMC_PASSWORD
              link:
                psc-hostname: psc.corp.local
                domain-name: vsphere.local
                psc-username: administrator@vsphere.local
                psc-password: file:secrets/psc
                admin-groups: ["VMC Admins@corp.local"]
            """;

    @Test
    void targetsInheritTheDefaultsAndOverrideThemFieldByField() {
        Fleet fleet = parse(DEFAULTS + """
                targets:
                  - name: sddc-1
                    server: vc1.vmc.local
                  - name: sddc-2
                    server: vc2.vmc.local:8443
                    password: prompt
                    thumbprint: "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD"
                    link:
                      psc-port: 8443
                      admin-groups: [ops@corp.local, audit@corp.local]
                  - name: old
                    server: vc3.vmc.local
                    state: unlinked
                """);

        assertThat(fleet.targets()).extracting(FleetTarget::name).containsExactly("sddc-1", "sddc-2", "old");
        FleetTarget first = fleet.targets().get(0);
        assertThat(first.username()).isEqualTo("cloudadmin@vmc.local");
        assertThat(first.password()).isEqualTo(new SecretRef.FromEnv("VMC_PASSWORD"));
        DesiredLink link = first.link().orElseThrow();
        assertThat(link.pscHostname()).isEqualTo("psc.corp.local");
        assertThat(link.pscPort()).isEqualTo(443);
        assertThat(link.pscPassword()).isEqualTo(new SecretRef.FromFile(Path.of("/fleets/secrets/psc")));
        assertThat(link.adminGroups()).containsExactly("VMC Admins@corp.local");

        FleetTarget second = fleet.targets().get(1);
        assertThat(second.password()).isEqualTo(new SecretRef.Prompt());
        assertThat(second.trust().thumbprint()).isPresent();
        assertThat(second.link().orElseThrow().pscPort()).isEqualTo(8443);
        assertThat(second.link().orElseThrow().domainName()).isEqualTo("vsphere.local");
        assertThat(second.link().orElseThrow().adminGroups()).isEqualTo(Set.of("ops@corp.local", "audit@corp.local"));

        FleetTarget old = fleet.targets().get(2);
        assertThat(old.link()).isEmpty();
        assertThat(old.unlinkAccount()).contains(new FleetTarget.OnPremAccount("administrator@vsphere.local",
                new SecretRef.FromFile(Path.of("/fleets/secrets/psc"))));
    }

    @Test
    void anInlinePasswordIsRefusedWithWhyAndNeverQuoted() {
        FleetFileException e = refusal(DEFAULTS + """
                targets:
                  - name: sddc-1
                    server: vc1.vmc.local
                    password: Secret!123
                """);

        assertThat(e.getMessage())
                .startsWith("/fleets/hlm.yaml:13: targets[0].password: a password is never written in the fleet file")
                .contains("env:VARIABLE, file:PATH or prompt")
                .doesNotContain("Secret!123");
    }

    @Test
    void aServerThatIsNoAddressIsRefusedWhereItIsWrittenAndAPasswordInItNeverQuoted() {
        FleetFileException e = refusal(DEFAULTS + """
                targets:
                  - name: sddc-1
                    server: https://cloudadmin:Secret!123@vc1.vmc.local
                """);

        assertThat(e.getMessage())
                .startsWith("/fleets/hlm.yaml:12: targets[0].server: the address 'https://***@vc1.vmc.local' holds a user name")
                .doesNotContain("Secret!123").doesNotContain("cloudadmin:");
        assertThat(refusal(DEFAULTS + """
                targets:
                  - name: sddc-1
                    server: http://vc1.vmc.local
                """).getMessage()).startsWith("/fleets/hlm.yaml:12: targets[0].server: the address 'http://vc1.vmc.local' uses http://");
    }

    @Test
    void aBadFieldInheritedFromTheDefaultsIsNamedWhereItWasWritten() {
        FleetFileException e = refusal("""
                defaults:
                  username: cloudadmin@vmc.local
                  password: env:VMC_PASSWORD
                  link:
                    psc-hostname: psc.corp.local
                    psc-port: https
                targets:
                  - name: sddc-1
                    server: vc1.vmc.local
                """);

        assertThat(e.line()).isEqualTo(6);
        assertThat(e.field()).isEqualTo("defaults.link.psc-port");
        assertThat(e.getMessage()).contains("a port is a number from 1 to 65535, not 'https'");
    }

    @Test
    void schemaErrorsNameFileLineAndField() {
        assertThat(refusal(DEFAULTS + """
                targets:
                  - name: sddc-1
                    sever: vc1.vmc.local
                """)).satisfies(e -> {
            assertThat(e.line()).isEqualTo(12);
            assertThat(e.field()).isEqualTo("targets[0].sever");
            assertThat(e.getMessage()).contains("unknown field; known here:").contains("server");
        });
        assertThat(refusal(DEFAULTS + """
                targets:
                  - name: sddc-1
                """)).satisfies(e -> {
            assertThat(e.line()).isEqualTo(11);
            assertThat(e.field()).isEqualTo("targets[0].server");
            assertThat(e.getMessage()).endsWith("missing");
        });
        assertThat(refusal(DEFAULTS + """
                targets:
                  - name: a
                    server: vc1
                  - name: a
                    server: vc2
                """)).satisfies(e -> {
            assertThat(e.line()).isEqualTo(13);
            assertThat(e.getMessage()).contains("'a' names two targets");
        });
        assertThat(refusal(DEFAULTS + """
                targets:
                  - name: a
                    server: vc1
                    link:
                      admin-groups: [ops]
                """)).satisfies(e -> {
            assertThat(e.field()).isEqualTo("targets[0].link.admin-groups[0]");
            assertThat(e.line()).isEqualTo(14);
        });
        assertThat(refusal(DEFAULTS + "targets: [\n  {name: a, server: vc1, state: gone}]\n"))
                .satisfies(e -> assertThat(e.getMessage()).contains("targets[0].state: is linked or unlinked"));
        assertThat(refusal("targets:\n  - name: a\n    name: b\n")).satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).contains("'name' is given twice");
        });
        assertThat(refusal("targets: [unclosed\n")).satisfies(e ->
                assertThat(e.getMessage()).startsWith("/fleets/hlm.yaml:").contains("not valid YAML"));
        assertThat(refusal(DEFAULTS)).satisfies(e -> assertThat(e.getMessage()).contains("targets: missing"));
    }

    @Test
    void aTargetWithoutALinkMustSayItIsUnlinked() {
        FleetFileException e = refusal("""
                targets:
                  - name: a
                    server: vc1
                    username: u@vmc.local
                    password: env:P
                """);
        assertThat(e.field()).isEqualTo("targets[0].link");
        assertThat(e.getMessage()).contains("'state: unlinked'");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> FleetFiles.read(dir.resolve("hlm.yaml")))
                .isInstanceOf(FleetFileException.class).hasMessageEndingWith("hlm.yaml: does not exist");
    }

    @Test
    void aFileIsReadFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hlm.yaml");
        Files.writeString(file, "targets:\n  - {name: a, server: vc1, username: u, password: 'env:P', state: unlinked}\n");
        Fleet fleet = FleetFiles.read(file);
        assertThat(fleet.target("a")).map(FleetTarget::server).contains("vc1");
        assertThat(fleet.target("b")).isEqualTo(Optional.empty());
    }
}
