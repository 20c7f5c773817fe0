package app.marginalia.web.annotation;

import app.marginalia.core.annotation.Motivation;
import app.marginalia.core.annotation.NoteDraft;
import app.marginalia.core.annotation.TextPositionSelector;
import app.marginalia.core.annotation.TextQuoteSelector;
import app.marginalia.core.system.RequestKey;
import org.jboss.resteasy.reactive.RestForm;

/** A note as the reader's HTML form posts it; passage fields are empty for a note on the whole paper. */
public class AnnotationForm {

    @RestForm
    public Long groupId;
    @RestForm
    public String motivation = "COMMENTING";
    @RestForm
    public String body = "";
    @RestForm
    public String tags = "";
    @RestForm
    public Integer start;
    @RestForm
    public Integer end;
    @RestForm
    public String exact;
    @RestForm
    public String prefix;
    @RestForm
    public String suffix;
    /** Generated for each rendered form: a double-clicked Save sends it twice and saves once. */
    @RestForm
    public String requestKey;

    public NewAnnotation request() {
        TextPositionSelector position = start == null || end == null ? null : new TextPositionSelector(start, end);
        TextQuoteSelector quote = position == null || exact == null ? null : new TextQuoteSelector(exact, prefix, suffix);
        return new NewAnnotation(groupId == null || groupId == 0 ? null : groupId,
                Motivation.parse(motivation).orElse(Motivation.COMMENTING), position, quote, NoteDraft.of(body, tags),
                RequestKey.normalise(requestKey));
    }
}
