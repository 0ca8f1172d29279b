package dev.hlm.fleet;

import java.util.Optional;

/**
 * One cloud vCenter (or Cloud Gateway) of a fleet: how to reach it, and its desired state: linked as
 * {@code link} says, or (empty) unlinked.
 *
 * @param unlinkAccount for {@code state: unlinked}, the on-prem account an unlink from the cloud side sends
 *     (8.0U1 and later), when the target names one
 */
public record FleetTarget(String name, String server, String username, SecretRef password, TargetTrust trust,
                          Optional<DesiredLink> link, Optional<OnPremAccount> unlinkAccount) {
    /** An on-prem SSO account by reference: its user and where its password comes from. */
    public record OnPremAccount(String username, SecretRef password) {}
}
