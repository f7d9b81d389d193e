package airlock.core.home;

import java.util.Locale;

/** One trust list per purpose: a key pinned for one purpose is never accepted for another. */
public enum TrustPurpose {
    VENDOR,
    SUPERVISOR,
    WORKSTATION,
    ROOM_ADMIN;

    public String folderName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses "vendor", "supervisor", "workstation" or "room-admin". */
    public static TrustPurpose parse(String text) {
        for (TrustPurpose purpose : values()) {
            if (purpose.folderName().equalsIgnoreCase(text)) {
                return purpose;
            }
        }
        throw new IllegalArgumentException("unknown trust purpose '" + text
                + "' (expected vendor, supervisor, workstation or room-admin)");
    }
}
