package dev.hlm.sim;

/** The vCenter privileges HLM operations need (decision D9). */
public enum Privilege {
    /** Create, delete and administrator changes. */
    HLM_MANAGE("HLM.Manage"),
    /** List, get and reading the administrators. */
    SYSTEM_READ("System.Read");

    private final String id;

    Privilege(String id) {
        this.id = id;
    }

    /** The vCenter privilege id, e.g. {@code HLM.Manage}, as error messages name it. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
