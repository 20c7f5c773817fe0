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

    /**
     * Whether the group may record its conclusion on a paper in this state: one being read or
     * discussed, or a scheduled one whose meeting took place. Recording it leaves the paper
     * {@link #DISCUSSED}, by {@link #pathTo} legal moves only (a scheduled paper passes through
     * reading).
     */
    public boolean canConclude() {
        return this == SCHEDULED || this == READING || this == DISCUSSED;
    }

    /**
     * Whether a meeting may be set for a paper in this state: a proposed one (it becomes
     * scheduled), a scheduled one or one being read (the meeting moves; the status stays).
     * Discussed and archived papers are done; a meeting for them would revive them silently.
     */
    public boolean canSchedule() {
        return this == SCHEDULED || canMoveTo(SCHEDULED);
    }

    /**
     * The legal moves from this state to {@code target}, shortest first; empty when already
     * there, and {@link IllegalStateException} when no path exists.
     */
    public java.util.List<ReadingStatus> pathTo(ReadingStatus target) {
        java.util.Map<ReadingStatus, ReadingStatus> from = new java.util.EnumMap<>(ReadingStatus.class);
        java.util.ArrayDeque<ReadingStatus> queue = new java.util.ArrayDeque<>(java.util.List.of(this));
        from.put(this, this);
        while (!queue.isEmpty()) {
            ReadingStatus s = queue.poll();
            if (s == target) {
                java.util.LinkedList<ReadingStatus> path = new java.util.LinkedList<>();
                for (ReadingStatus at = s; at != this; at = from.get(at)) {
                    path.addFirst(at);
                }
                return java.util.List.copyOf(path);
            }
            for (ReadingStatus n : NEXT.get(s)) {
                if (from.putIfAbsent(n, s) == null) {
                    queue.add(n);
                }
            }
        }
        throw new IllegalStateException("No move leads from " + this + " to " + target);
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
