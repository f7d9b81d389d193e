package airlock.keeper;

import java.util.Optional;
import java.util.Set;

/**
 * Who may connect: accounts by name, and the members of one group by the peer's group as the kernel
 * reports it ({@code SO_PEERCRED}: the connecting process's effective uid and gid, not its
 * supplementary groups). Checked on every connection, before the first frame is read.
 *
 * @param users accounts allowed by name (the keeper's own account is always among them)
 * @param group a group whose processes may connect, if any; the socket file gets this group, mode 660
 */
public record PeerPolicy(Set<String> users, Optional<String> group) {
    public PeerPolicy {
        users = Set.copyOf(users);
    }

    /** Only {@code account} (the keeper's own) may connect. */
    public static PeerPolicy only(String account) {
        return new PeerPolicy(Set.of(account), Optional.empty());
    }

    public boolean allows(String user, String peerGroup) {
        return users.contains(user) || group.map(g -> g.equals(peerGroup)).orElse(false);
    }
}
