package org.therapybooking.meetinglink.link;

/** Who the link is for. Only the host can be given real moderator rights, and only through a token. */
public enum Role {
    CLIENT("client"), HOST("host"), OBSERVER("observer"), PRESENTER("presenter");

    /** Shared copy of {@link #values()} (which clones on every call). */
    static final Role[] VALUES = values();

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The wire name, case-insensitive; the request validator admits only the exact lower-case names. */
    public static Role parse(String value) {
        for (Role role : VALUES) {
            if (role.wireName.equalsIgnoreCase(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role: " + value);
    }

    public String wireName() {
        return wireName;
    }
}
