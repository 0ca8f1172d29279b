package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.api.CertificateInfo;
import dev.hlm.api.ErrorType;
import dev.hlm.api.Json;
import dev.hlm.api.LocalizableMessage;
import dev.hlm.api.VapiError;
import dev.hlm.client.ApiException;
import dev.hlm.client.TransportException;
import dev.hlm.tls.GeneratedCertificate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/** Every error hlm can print carries a next step: every error type of the contract, on every command. */
class RemediesTest {
    /** Every command as typed after hlm, from the real command tree, so a new command is covered too. */
    private static List<String> commands() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Main.context(Map.of(), java.io.InputStream.nullInputStream()));
        List<String> names = new ArrayList<>();
        collect(root, names);
        return names;
    }

    private static void collect(CommandLine cmd, List<String> names) {
        names.add(Failures.commandName(cmd));
        cmd.getSubcommands().values().forEach(sub -> collect(sub, names));
    }

    private static ApiException error(ErrorType type) {
        return ApiException.of(type.httpStatus(), VapiError.of(type, LocalizableMessage.of("test.id", "Refused.")));
    }

    @ParameterizedTest
    @EnumSource(ErrorType.class)
    void everyErrorTypeHasARemedyOnEveryCommand(ErrorType type) {
        List<String> commands = commands();
        assertThat(commands).contains("link create", "link check", "link status", "admin set");
        for (String command : commands) {
            assertThat(Remedies.forApi(error(type), command)).as(type + " on " + command).isNotBlank();
        }
        assertThat(Remedies.forApi(error(type), null)).isNotBlank();
    }

    @Test
    void theContractsFullEnumIsCovered() {
        // docs/decisions.md B.4.1, the full error_type enum; ErrorType must not lose one of them.
        List<String> contract = List.of("ERROR", "ALREADY_EXISTS", "ALREADY_IN_DESIRED_STATE", "CANCELED",
                "CONCURRENT_CHANGE", "FEATURE_IN_USE", "INTERNAL_SERVER_ERROR", "INVALID_ARGUMENT",
                "INVALID_ELEMENT_CONFIGURATION", "INVALID_ELEMENT_TYPE", "INVALID_REQUEST",
                "NOT_ALLOWED_IN_CURRENT_STATE", "NOT_FOUND", "OPERATION_NOT_FOUND", "RESOURCE_BUSY", "RESOURCE_IN_USE",
                "RESOURCE_INACCESSIBLE", "SERVICE_UNAVAILABLE", "TIMED_OUT", "UNABLE_TO_ALLOCATE_RESOURCE",
                "UNAUTHENTICATED", "UNAUTHORIZED", "UNEXPECTED_INPUT", "UNSUPPORTED", "UNVERIFIED_PEER");
        for (String name : contract) {
            assertThat(ErrorType.fromName(name)).as(name).isNotEqualTo(ErrorType.UNKNOWN);
            assertThat(Remedies.forType(ErrorType.fromName(name), "link create")).isNotBlank();
        }
    }

    @Test
    void unauthorizedNamesThePrivilegeTheCommandNeeds() {
        for (String change : List.of("link create", "link delete", "admin add", "admin remove", "admin set")) {
            assertThat(Remedies.forApi(error(ErrorType.UNAUTHORIZED), change)).as(change)
                    .contains("HLM.Manage").contains("cloudadmin").contains("Cloud Administrators");
        }
        for (String read : List.of("link list", "link get", "link status", "admin list")) {
            assertThat(Remedies.forApi(error(ErrorType.UNAUTHORIZED), read)).as(read).contains("System.Read");
        }
    }

    @Test
    void remediesThatDifferByCommand() {
        assertThat(Remedies.forType(ErrorType.ALREADY_EXISTS, "link create")).contains("hlm link delete");
        assertThat(Remedies.forType(ErrorType.UNSUPPORTED, "link create")).contains("6.7");
        assertThat(Remedies.forType(ErrorType.NOT_FOUND, "link delete")).contains("--if-exists");
        assertThat(Remedies.forType(ErrorType.INVALID_ARGUMENT, "admin add")).contains("group@domain");
    }

    @Test
    void anUnverifiedPscNamesTheThumbprintToPass() {
        String seen = GeneratedCertificate.builder("psc").build().sha256().toString();
        for (ErrorType type : List.of(ErrorType.UNVERIFIED_PEER, ErrorType.INVALID_REQUEST)) {
            VapiError e = new VapiError(type, List.of(LocalizableMessage.of("x", "Unable to verify.")),
                    Json.mapper().valueToTree(new CertificateInfo(seen, null)), null);
            assertThat(Remedies.forApi(ApiException.of(400, e), "link create")).contains("--psc-thumbprint " + seen);
        }
    }

    @ParameterizedTest
    @EnumSource(TransportException.Kind.class)
    void everyTransportFailureHasARemedy(TransportException.Kind kind) {
        assertThat(Remedies.forTransport(new TransportException(kind, "failed", null))).isNotBlank();
    }

    @Test
    void anUntrustedServerNamesItsThumbprint() {
        GeneratedCertificate cert = GeneratedCertificate.builder("vc").build();
        TransportException e = new TransportException(TransportException.Kind.TLS_UNTRUSTED, "untrusted", null,
                cert.certificate());
        assertThat(Remedies.forTransport(e)).contains("--thumbprint " + cert.sha256());
    }

    @Test
    void aUsageErrorWithoutItsOwnHintPointsToTheHelp() {
        Cli.Result r = Cli.run(Map.of(), "link", "create", "--psc-hostname", "psc", "--psc-port", "70000");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("hlm: USAGE: ").contains("hint: see 'hlm link create --help'");
    }

    @Test
    void aMissingParameterSaysWhatItIsAndPointsToTheHelp() {
        Cli.Result r = Cli.run(Map.of(), "admin", "add");
        assertThat(r.err()).contains("hint: GROUP@DOMAIN: groups to add; see 'hlm admin add --help'");
    }

    @Test
    void aRefusedCreateFieldIsNamedByItsOption() {
        assertThat(Remedies.optionsNamedBy("Field \"psc_hostname\" of structure x is invalid: \"a b\" is not a host name."))
                .isEqualTo("--psc-hostname (HLM_PSC_HOSTNAME), the PSC's host name or IP address as the cloud vCenter "
                        + "reaches it");
        assertThat(Remedies.optionsNamedBy("domain_name \"x\" is not the SSO domain of the PSC"))
                .startsWith("--domain-name (HLM_DOMAIN_NAME)");
        assertThat(Remedies.optionsNamedBy("The PSC refused the username \"u\": check username and password."))
                .isEqualTo("--psc-username (HLM_PSC_USERNAME); the PSC password (HLM_PSC_PASSWORD, --psc-password-file)");
        assertThat(Remedies.optionsNamedBy("credentials.user_name is wrong; the transport failed")).isEmpty();
        ApiException refused = ApiException.of(400, VapiError.of(ErrorType.INVALID_ARGUMENT,
                LocalizableMessage.of("vapi.data.structure.field.invalid", "Field \"psc_hostname\" is invalid.")));
        assertThat(Remedies.forApi(refused, "link create")).startsWith("check --psc-hostname");
        assertThat(Remedies.forApi(refused, "link list")).doesNotContain("--psc-hostname");
    }
}
