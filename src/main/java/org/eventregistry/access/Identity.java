package org.eventregistry.access;

/** Who is calling: a name for the audit log, a role, and the token id when the caller used an API token. */
public record Identity(String name, Role role, String tokenId) {

    /** Names come from tokens and JWT claims: control characters never reach the audit log or the logs. */
    public Identity {
        name = name == null ? null : name.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", " ").strip();
    }

    public static Identity system(String name) {
        return new Identity("system:" + name, Role.ADMIN, null);
    }
}
