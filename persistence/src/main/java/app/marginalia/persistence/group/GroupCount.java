package app.marginalia.persistence.group;

/** A number per group, as the aggregate finders return it (members, papers on the list). */
public record GroupCount(long groupId, long count) {
}
