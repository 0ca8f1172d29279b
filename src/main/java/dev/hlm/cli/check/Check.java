package dev.hlm.cli.check;

/** Every pre-flight check, in the order {@code hlm link check} runs and prints them. */
enum Check {
    CLOUD_DNS("cloud-dns", "Cloud vCenter name is private"),
    CLOUD_LOGIN("cloud-login", "Cloud vCenter login"),
    CLOUD_READ("cloud-read", "Read HLM state (System.Read)"),
    CLOUD_MANAGE("cloud-manage", "Change HLM state (HLM.Manage)"),
    EXISTING_LINK("existing-link", "Existing link"),
    PSC_DNS("psc-dns", "PSC name resolves"),
    PSC_TCP("psc-tcp", "PSC port and round trip"),
    PSC_CERT_DATES("psc-cert-dates", "PSC certificate dates"),
    PSC_CERT_NAME("psc-cert-name", "PSC certificate name"),
    PSC_THUMBPRINT("psc-thumbprint", "PSC thumbprint"),
    PSC_LOGIN("psc-login", "PSC login"),
    PSC_DOMAIN("psc-domain", "PSC SSO domain"),
    PSC_VERSION("psc-version", "PSC version"),
    CLOCKS("clocks", "Clocks"),
    ADMIN_GROUPS("admin-groups", "Admin groups");

    private final String id;
    private final String title;

    Check(String id, String title) {
        this.id = id;
        this.title = title;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }
}
