package app.marginalia.web.paper;

import app.marginalia.core.paper.CanonicalText;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperText;

import java.time.Instant;
import java.util.List;

/**
 * A paper with its current text, as the reader page and {@code GET /api/papers/{id}} show it.
 * Paragraph offsets count code points in {@link Text#content}, the unit notes will anchor by.
 * {@code version} is the state of the paper an edit or proposal names, so a change made since is a conflict.
 */
public record PaperDetail(PaperSummary paper, String abstractText, Text text, List<Origin> origins,
                          Instant addedAt, long version) {

    /** The current version of the readable text. */
    public record Text(int version, String kind, int length, String content,
                       List<CanonicalText.Paragraph> paragraphs) {
    }

    /** One list the paper appeared in. */
    public record Origin(String kind, String list, String file, Integer line) {
    }

    static PaperDetail of(Paper paper, PaperText text) {
        List<Origin> origins = paper.origins.stream()
                .map(o -> new Origin(o.kind.name(), o.listName, o.fileName, o.lineNo)).toList();
        return new PaperDetail(PaperSummary.of(paper), paper.abstractText,
                new Text(text.versionNo, text.kind.name(), CanonicalText.length(text.content), text.content,
                        CanonicalText.paragraphs(text.content)),
                origins, paper.createdAt, paper.version);
    }

    /** The reader shows the abstract separately only when the text is the full paper. */
    public boolean showsSeparateAbstract() {
        return abstractText != null && !abstractText.isEmpty() && "FULL_TEXT".equals(text.kind());
    }
}
