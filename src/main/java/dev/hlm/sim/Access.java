package dev.hlm.sim;

/** What a route asks of the caller before its handler runs. */
enum Access {
    /** Anyone: logins (which check Basic credentials themselves) and the version endpoint. */
    PUBLIC(null),
    /** A live session, no privilege: who-am-I and logout. */
    SESSION(null),
    /** A session whose user holds System.Read (decision D9). */
    READ(Privilege.SYSTEM_READ),
    /** A session whose user holds HLM.Manage (decision D9). */
    MANAGE(Privilege.HLM_MANAGE);

    private final Privilege privilege;

    Access(Privilege privilege) {
        this.privilege = privilege;
    }

    /** The privilege required, or null. */
    Privilege privilege() {
        return privilege;
    }
}
