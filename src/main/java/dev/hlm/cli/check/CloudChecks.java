package dev.hlm.cli.check;

import dev.hlm.api.ErrorType;
import dev.hlm.api.Summary;
import dev.hlm.cli.Remedies;
import dev.hlm.client.ApiException;
import dev.hlm.client.HlmClient;
import dev.hlm.client.HlmException;
import dev.hlm.client.ServerAddress;
import dev.hlm.client.TransportException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The cloud vCenter's side: the login works, the user can read HLM state (System.Read) and change it
 * (HLM.Manage), and no other SSO domain is linked already (decision D5).
 *
 * <p>HLM.Manage cannot be read from the API, so it is probed with the one request of the check that is not a
 * read: the removal of a link id that cannot exist. A user with the privilege is told NOT_FOUND, one
 * without it UNAUTHORIZED (the privilege is checked first), and nothing can change either way.
 */
final class CloudChecks {
    private static final String COMMAND = "link check";

    private CloudChecks() {}

    /** @param failIfExists the create to follow fails when the domain is linked already */
    static void run(Checklist list, HlmClient vc, String domainName, boolean failIfExists) {
        if (!login(list, vc)) {
            list.skip(Check.CLOUD_READ, "not checked: needs the cloud vCenter login");
            list.skip(Check.CLOUD_MANAGE, "not checked: needs the cloud vCenter login");
            list.skip(Check.EXISTING_LINK, "not checked: needs the cloud vCenter login");
            return;
        }
        List<Summary> links = read(list, vc);
        manage(list, vc);
        existingLink(list, links, domainName, vc.server().getHost(), failIfExists);
    }

    private static boolean login(Checklist list, HlmClient vc) {
        String where = ServerAddress.display(vc.server());
        try {
            vc.login();
        } catch (ApiException e) {
            list.fail(Check.CLOUD_LOGIN, where + " refused the login: " + e.errorType() + ": " + e.serverMessage(),
                    Remedies.forApi(e, COMMAND));
            return false;
        } catch (TransportException e) {
            list.fail(Check.CLOUD_LOGIN, e.getMessage(), Remedies.forTransport(e));
            return false;
        }
        String flavor = vc.flavor().map(f -> f.label()).orElse("?");
        list.pass(Check.CLOUD_LOGIN, user(vc).map(u -> u + " logged in").orElse("logged in") + " at " + where
                + " over " + flavor + version(vc));
        return true;
    }

    private static Optional<String> user(HlmClient vc) {
        try {
            return Optional.ofNullable(vc.session().user());
        } catch (HlmException e) {
            return Optional.empty();
        }
    }

    private static String version(HlmClient vc) {
        try {
            var v = vc.version();
            return " (" + v.product() + " " + v.version() + ")";
        } catch (HlmException e) {
            return "";
        }
    }

    /** Lists links and administrators; answers the links, or null when they cannot be read. */
    private static List<Summary> read(Checklist list, HlmClient vc) {
        try {
            List<Summary> links = vc.listLinks();
            List<String> administrators = vc.administrators();
            list.pass(Check.CLOUD_READ, "read " + links.size() + " link(s) and " + administrators.size()
                    + " HLM administrator group(s)");
            return links;
        } catch (ApiException e) {
            list.fail(Check.CLOUD_READ, e.errorType() + ": " + e.serverMessage(), Remedies.forApi(e, "link list"));
        } catch (TransportException e) {
            list.fail(Check.CLOUD_READ, e.getMessage(), Remedies.forTransport(e));
        }
        return null;
    }

    private static void manage(Checklist list, HlmClient vc) {
        String probe = "hlm-check-" + UUID.randomUUID();
        try {
            vc.deleteLink(probe, Optional.empty());
            list.warn(Check.CLOUD_MANAGE, "could not tell: the vCenter accepted the removal of a link that does not exist",
                    "log in as cloudadmin or a member of Cloud Administrators to be sure of HLM.Manage");
        } catch (ApiException e) {
            if (e.errorType() == ErrorType.NOT_FOUND) {
                list.pass(Check.CLOUD_MANAGE, "has the privilege (removing a link that cannot exist was refused "
                        + "as NOT_FOUND, not UNAUTHORIZED)");
            } else if (e.errorType() == ErrorType.UNAUTHORIZED) {
                list.fail(Check.CLOUD_MANAGE, "lacks HLM.Manage: " + e.serverMessage(),
                        Remedies.forType(ErrorType.UNAUTHORIZED, "link create"));
            } else {
                list.warn(Check.CLOUD_MANAGE, "could not tell: " + e.errorType() + ": " + e.serverMessage(),
                        "log in as cloudadmin or a member of Cloud Administrators to be sure of HLM.Manage");
            }
        } catch (TransportException e) {
            list.warn(Check.CLOUD_MANAGE, "could not tell: " + e.getMessage(), Remedies.forTransport(e));
        }
    }

    /**
     * Same domain linked is a PASS: {@code link create} then reports it and exits 0, so --strict runs stay green;
     * with --fail-if-exists that create exits 1, so the row FAILs. A link being made right now is not listed
     * until done, and the API has no read that shows a create in progress (the one-domain rule refuses a
     * second create, docs/decisions.md D5 and B.6.1): "no link listed" is all the row can honestly say.
     */
    private static void existingLink(Checklist list, List<Summary> links, String domainName, String server,
            boolean failIfExists) {
        if (links == null) {
            list.skip(Check.EXISTING_LINK, "not checked: the links cannot be read");
        } else if (links.isEmpty()) {
            list.pass(Check.EXISTING_LINK, "no link listed: " + server + " can link " + domainName + " unless a create "
                    + "is under way now (the API lists a link only once it is made, and shows no create in progress)");
        } else {
            Optional<Summary> same = links.stream().filter(l -> domainName.equalsIgnoreCase(l.displayName())).findFirst();
            if (same.isPresent() && failIfExists) {
                list.fail(Check.EXISTING_LINK, "already linked to " + domainName + " (link " + same.get().link()
                                + "): link create --fail-if-exists will exit 1",
                        "nothing to do; to link it anew, unlink first: " + Remedies.unlinkCommand(same.get().link()));
            } else if (same.isPresent()) {
                list.pass(Check.EXISTING_LINK, "already linked to " + domainName + " (link " + same.get().link()
                        + "): link create will say so and change nothing");
            } else {
                Summary other = links.get(0);
                list.fail(Check.EXISTING_LINK, "linked to the SSO domain " + other.displayName() + " (link "
                                + other.link() + "); a cloud vCenter links only one on-prem SSO domain",
                        "to link " + domainName + " instead, unlink the other first: "
                                + Remedies.unlinkCommand(other.link()));
            }
        }
    }
}
