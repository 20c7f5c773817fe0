package app.marginalia.core.paper;

/** A rule a submitted field breaks, in words a member can act on. */
public record FieldProblem(String field, String message) {
}
