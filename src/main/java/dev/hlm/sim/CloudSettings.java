package dev.hlm.sim;

import dev.hlm.sim.fault.Fault;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The cloud vCenter's settings (see {@link ServerSettings} for how they are filled and snapshotted). */
final class CloudSettings extends ServerSettings {
    ApiVersion apiVersion = ApiVersion.V8_0_1;
    Role role = Role.CLOUD_VCENTER;
    /** The cloud administrator: HLM.Manage and System.Read. */
    Account admin = new Account("cloudadmin@vmc.local", Passwords.random(),
            Set.of(Privilege.HLM_MANAGE, Privilege.SYSTEM_READ));
    /** A user with System.Read only. */
    Account readOnly = new Account("readonly@vmc.local", Passwords.random(), Set.of(Privilege.SYSTEM_READ));
    /** Users besides these two, each with its own privileges. */
    List<Account> moreUsers = new ArrayList<>();
    /** How long a create waits before it answers. */
    Duration linkDelay = Duration.ZERO;
    /** How long a started sync session takes to complete (decision D18). */
    Duration syncDuration = Duration.ofSeconds(6);
    /** Faults to inject into the cloud vCenter's answers. */
    List<Fault> faults = new ArrayList<>();
    /** Seeds the faults' random draws; null: each build draws a seed. */
    Long seed;

    CloudSettings() {
        super("hlm-sim-cloud-vcenter");
    }

    /** Every user the cloud vCenter accepts. */
    List<Account> accounts() {
        List<Account> accounts = new ArrayList<>(List.of(admin, readOnly));
        accounts.addAll(moreUsers);
        return accounts;
    }

    CloudSettings snapshot() {
        CloudSettings copy = (CloudSettings) copyForBuild();
        copy.moreUsers = List.copyOf(moreUsers);
        copy.faults = List.copyOf(faults);
        copy.seed = seed != null ? seed : new SecureRandom().nextLong();
        return copy;
    }

    /** Never shows a password. */
    @Override
    public String toString() {
        return "CloudSettings[" + apiVersion + ", " + role + ", " + accounts() + ", port " + port + "]";
    }
}
