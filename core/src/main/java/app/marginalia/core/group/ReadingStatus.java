package app.marginalia.core.group;

import java.util.EnumSet;
import app.marginalia.core.system.Enums;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a paper stands on a group's reading list, and the moves between states.
 *
 * <pre>
 * PROPOSED ──► SCHEDULED ──► READING ──► DISCUSSED ──► ARCHIVED
 *    ▲  │          │            │            │             │
 *    │  └──────────┴────────────┴──► ARCHIVED ◄─┘           │
 *    └───────────────────────── (revived) ◄─────────────────┘
 * </pre>
 * A scheduled paper can go back to proposed (unscheduled), a paper being read back to
 * scheduled (meeting moved), a discussed one back to reading (reopened).
 */
public enum ReadingStatus {
    PROPOSED, SCHEDULED, READING, DISCUSSED, ARCHIVED;

    private static final Map<ReadingStatus, Set<ReadingStatus>> NEXT = Map.of(
            PROPOSED, EnumSet.of(SCHEDULED, ARCHIVED),
            SCHEDULED, EnumSet.of(READING, PROPOSED, ARCHIVED),
            READING, EnumSet.of(DISCUSSED, SCHEDULED, ARCHIVED),
            DISCUSSED, EnumSet.of(ARCHIVED, READING),
            ARCHIVED, EnumSet.of(PROPOSED));

    public boolean canMoveTo(ReadingStatus next) {
        return NEXT.get(this).contains(next);
    }

    public Set<ReadingStatus> next() {
        return EnumSet.copyOf(NEXT.get(this));
    }

    /**
     * Which moves need more than membership: a member who proposed a paper may only withdraw
     * it (PROPOSED → ARCHIVED); every other move is for moderators and owners.
     */
    public static boolean authorMayMove(ReadingStatus from, ReadingStatus to) {
        return from == PROPOSED && to == ARCHIVED;
    }

    /** A paper needs a meeting time to be scheduled. */
    public boolean needsMeeting() {
        return this == SCHEDULED;
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    public static Optional<ReadingStatus> parse(String value) {
        return Enums.parse(ReadingStatus.class, value);
    }
}
