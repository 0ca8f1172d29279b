package dev.hlm.fleet;

import java.util.List;

/** One change apply makes on a target, in the order it makes them. */
public sealed interface Step {
    /** What the step does, for a person: "create the link to vsphere.local (PSC psc.corp.local:443)". */
    String describe();

    /** Link the target to the desired PSC and domain; the spec's admin groups come with it. */
    record CreateLink(String domainName, String pscHostname, int pscPort, List<String> adminGroups) implements Step {
        @Override
        public String describe() {
            return "create the link to " + domainName + " (PSC " + pscHostname + ":" + pscPort + ")"
                    + (adminGroups.isEmpty() ? "" : " with administrators " + String.join(", ", adminGroups));
        }
    }

    record AddGroup(String group) implements Step {
        @Override
        public String describe() {
            return "add administrator group " + group;
        }
    }

    record RemoveGroup(String group) implements Step {
        @Override
        public String describe() {
            return "remove administrator group " + group;
        }
    }

    /** Unlink the domain the target should not be linked to. */
    record Unlink(String linkId, String domainName) implements Step {
        @Override
        public String describe() {
            return "unlink " + domainName + " (link " + linkId + ")";
        }
    }
}
