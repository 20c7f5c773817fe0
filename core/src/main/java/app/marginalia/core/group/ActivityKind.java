package app.marginalia.core.group;

import app.marginalia.core.system.Enums;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What a line of a group's activity record is about, and the filter it falls under. */
public enum ActivityKind {
    GROUP_CREATED(Category.GROUP), GROUP_EDITED(Category.GROUP), INVITATION_CREATED(Category.GROUP),
    INVITATION_REVOKED(Category.GROUP),
    MEMBER_JOINED(Category.MEMBERS), MEMBER_LEFT(Category.MEMBERS), MEMBER_REMOVED(Category.MEMBERS),
    ROLE_CHANGED(Category.MEMBERS), OWNERSHIP_TRANSFERRED(Category.MEMBERS),
    PAPER_PROPOSED(Category.READING_LIST), STATUS_CHANGED(Category.READING_LIST),
    MEETING_SCHEDULED(Category.READING_LIST), PAPER_REMOVED(Category.READING_LIST), VOTE_CAST(Category.READING_LIST),
    VOTE_WITHDRAWN(Category.READING_LIST), CONCLUSION_RECORDED(Category.READING_LIST),
    NOTE_ADDED(Category.NOTES), QUESTION_ASKED(Category.NOTES), NOTE_SHARED(Category.NOTES),
    REPLY_ADDED(Category.REPLIES),
    QUESTION_ANSWERED(Category.ANSWERS),
    THREAD_RESOLVED(Category.RESOLUTIONS), THREAD_REOPENED(Category.RESOLUTIONS);

    /** The feed's kind filter: a few families of lines rather than every kind. */
    public enum Category {
        NOTES("Notes and questions"), REPLIES("Replies"), ANSWERS("Answers"), RESOLUTIONS("Resolutions"),
        READING_LIST("Reading list"), MEMBERS("Members"), GROUP("Group settings");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public Set<ActivityKind> kinds() {
            Set<ActivityKind> kinds = EnumSet.noneOf(ActivityKind.class);
            for (ActivityKind kind : ActivityKind.values()) {
                if (kind.category == this) {
                    kinds.add(kind);
                }
            }
            return kinds;
        }

        public static Optional<Category> parse(String value) {
            return Enums.parse(Category.class, value);
        }
    }

    private final Category category;

    ActivityKind(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    /** Lines about the discussion of a paper rather than about the group. */
    public boolean discussion() {
        return EnumSet.of(Category.NOTES, Category.REPLIES, Category.ANSWERS, Category.RESOLUTIONS).contains(category);
    }
}
