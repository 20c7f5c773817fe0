package app.marginalia.core.annotation;

import app.marginalia.core.paper.CanonicalText;
import app.marginalia.core.paper.FieldProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** A note's Markdown body and tags as typed, canonicalised, with every limit it breaks. */
public record NoteDraft(String body, List<String> tags) {

    public NoteDraft {
        body = CanonicalText.of(body);
        tags = List.copyOf(new LinkedHashSet<>(tags.stream().map(t -> CanonicalText.singleLine(t).toLowerCase(Locale.ROOT))
                .map(t -> t.startsWith("#") ? t.substring(1) : t).filter(t -> !t.isEmpty()).toList()));
    }

    /** Tags typed in one field, separated by commas or spaces. */
    public static NoteDraft of(String body, String tags) {
        return new NoteDraft(body, tags == null ? List.of() : Arrays.asList(tags.split("[,\\s]+")));
    }

    public List<FieldProblem> problems(boolean bodyRequired) {
        List<FieldProblem> problems = new ArrayList<>();
        if (bodyRequired && body.isEmpty()) {
            problems.add(new FieldProblem("body", "Write something first."));
        }
        if (body.length() > AnnotationLimits.BODY_MAX) {
            problems.add(new FieldProblem("body", "A note can be at most " + AnnotationLimits.BODY_MAX
                    + " characters; this one has " + body.length() + "."));
        }
        if (tags.size() > AnnotationLimits.TAGS_MAX) {
            problems.add(new FieldProblem("tags", "A note can have at most " + AnnotationLimits.TAGS_MAX + " tags."));
        }
        if (tags.stream().anyMatch(t -> t.length() > AnnotationLimits.TAG_LENGTH_MAX)) {
            problems.add(new FieldProblem("tags", "A tag can be at most " + AnnotationLimits.TAG_LENGTH_MAX + " characters."));
        }
        return problems;
    }
}
