#!/usr/bin/env python3
"""Walk the official vSphere Automation SDK for Python through Hybrid Linked Mode against `hlm sim`.

Run `eval "$(hlm sim --background)"` first: this program reads the simulator's export line from the
environment (HLM_SERVER, HLM_CA_CERT, HLM_USERNAME, HLM_PASSWORD, HLM_PSC_*, HLM_DOMAIN_NAME). Each step
prints one line; the first step that does not behave as against a vCenter stops it with exit code 1.
The SDK is used unchanged, through its public API only.
"""
import os
import sys
from urllib.parse import urlparse

import requests
from com.vmware.cis_client import Session
from com.vmware.vapi.std.errors_client import AlreadyExists, NotFound, UnverifiedPeer
from com.vmware.vcenter.hvc.management_client import Administrators
from com.vmware.vcenter.hvc_client import Links
from vmware.vapi.lib.connect import get_requests_connector
from vmware.vapi.security.session import create_session_security_context
from vmware.vapi.security.user_password import create_user_password_security_context
from vmware.vapi.stdlib.client.factories import StubConfigurationFactory

GROUP = "sdk-admins@" + os.environ.get("HLM_DOMAIN_NAME", "vsphere.local")


def step(text):
    print("ok   " + text)


def fail(text):
    print("FAIL " + text)
    sys.exit(1)


def stub_config(session, url, security_context):
    connector = get_requests_connector(session=session, url=url)
    config = StubConfigurationFactory.new_std_configuration(connector)
    config.connector.set_security_context(security_context)
    return config


def main():
    env = os.environ
    server = urlparse(env["HLM_SERVER"]).netloc
    url = "https://" + server + "/api"
    http = requests.Session()
    http.verify = env["HLM_CA_CERT"]
    # requests lets REQUESTS_CA_BUNDLE (set on many machines) override a session's verify: trust only the CA.
    http.trust_env = False

    login = stub_config(http, url, create_user_password_security_context(env["HLM_USERNAME"], env["HLM_PASSWORD"]))
    session_id = Session(login).create()
    step("logged in to " + server)
    config = stub_config(http, url, create_session_security_context(session_id))
    step("session user " + Session(config).get().user)

    links = Links(config)
    spec = Links.CreateSpec(psc_hostname=env["HLM_PSC_HOSTNAME"], port=env["HLM_PSC_PORT"],
                            domain_name=env["HLM_DOMAIN_NAME"], username=env["HLM_PSC_USERNAME"],
                            password=env["HLM_PSC_PASSWORD"], admin_groups={GROUP})
    try:
        links.create(spec)
        fail("create without a thumbprint linked instead of raising UnverifiedPeer")
    except UnverifiedPeer as e:
        certificate = e.data.convert_to(Links.CertificateInfo)
        step("create without thumbprint: UnverifiedPeer, certificate " + certificate.ssl_thumbprint)
    if certificate.ssl_thumbprint.replace(":", "").lower() != env["HLM_PSC_THUMBPRINT"].replace(":", "").lower():
        fail("the certificate in UnverifiedPeer is not the PSC's")
    spec.ssl_thumbprint = certificate.ssl_thumbprint
    link = links.create(spec)
    step("created link " + link)

    summaries = links.list()
    if [s.link for s in summaries] != [link]:
        fail("list shows %r, not the one link" % summaries)
    step("list: %s (%s)" % (summaries[0].link, summaries[0].display_name))
    step("get: health " + str(links.get(link).connection_health_status))
    try:
        links.create(spec)
        fail("a second create linked again")
    except AlreadyExists:
        step("second create: AlreadyExists")
    try:
        links.get("no-such-link")
        fail("get of an unknown link answered")
    except NotFound:
        step("get of an unknown link: NotFound")

    administrators = Administrators(config)
    if GROUP not in administrators.get():
        fail("the create's admin group is not an administrator")
    administrators.add("sdk-operators@" + env["HLM_DOMAIN_NAME"])
    step("administrators after add: " + ", ".join(sorted(administrators.get())))
    administrators.remove("sdk-operators@" + env["HLM_DOMAIN_NAME"])
    step("administrators after remove: " + ", ".join(sorted(administrators.get())))

    links.delete_with_credentials(link, Links.Credentials(user_name=env["HLM_PSC_USERNAME"],
                                                          password=env["HLM_PSC_PASSWORD"]))
    if links.list():
        fail("the link is still listed after delete_with_credentials")
    step("unlinked with credentials; no links left")
    Session(config).delete()
    step("logged out")


if __name__ == "__main__":
    main()
