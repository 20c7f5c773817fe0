package app.marginalia.web.paper;

import app.marginalia.core.document.Document;
import app.marginalia.core.paper.CanonicalText;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperText;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A paper with its current text, as the reader page and {@code GET /api/papers/{id}} show it.
 * Paragraph and block offsets count code points in {@link Text#content}, the unit notes anchor by.
 * {@code version} is the state of the paper an edit or proposal names, so a change made since is a conflict.
 */
public record PaperDetail(PaperSummary paper, String abstractText, Text text, List<Origin> origins,
                          Instant addedAt, long version) {

    /**
     * The current version of the readable text: one document, the abstract first. {@code structure}
     * is the stored kind per paragraph, {@code blocks} the same per block with its offsets;
     * {@code fromFile} when the text was extracted from a file (a PDF), which then is its source.
     */
    public record Text(int version, String kind, int length, String content,
                       List<CanonicalText.Paragraph> paragraphs, String structure, List<BlockView> blocks,
                       Long fileId, @JsonIgnore Document document) {

        public boolean fromFile() {
            return fileId != null;
        }

        public boolean hasBody() {
            return document.hasBody();
        }
    }

    /** One block of the document: its kind in lower case, a heading's level, [start, end) in code points. */
    public record BlockView(String kind, int level, int start, int end) {
    }

    /** One list the paper appeared in. */
    public record Origin(String kind, String list, String file, Integer line) {
    }

    static PaperDetail of(Paper paper, PaperText text) {
        List<Origin> origins = paper.origins.stream()
                .map(o -> new Origin(o.kind.name(), o.listName, o.fileName, o.lineNo)).toList();
        Document document = PaperChangeService.documentOf(text);
        List<BlockView> blocks = document.blocks().stream()
                .map(b -> new BlockView(b.kind().name().toLowerCase(Locale.ROOT), b.level(), b.start(), b.end()))
                .toList();
        return new PaperDetail(PaperSummary.of(paper), paper.abstractText,
                new Text(text.versionNo, text.kind.name(), CanonicalText.length(text.content), text.content,
                        CanonicalText.paragraphs(text.content), document.structure(), blocks, text.fileId, document),
                origins, paper.createdAt, paper.version);
    }
}
