package app.marginalia.web.annotation;

import app.marginalia.persistence.annotation.Annotation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An annotation as JSON, after the W3C Web Annotation model: target selectors, body, thread links. */
public record AnnotationJson(long id, long paperId, int textVersion, Long groupId, Map<String, String> author,
                             String motivation, List<Map<String, Object>> selectors, String body, String bodyHtml,
                             List<String> tags, Long rootId, Long parentId, List<Long> references, boolean resolved,
                             Long answerId, boolean deleted, boolean detached, boolean edited, Instant created, Instant modified,
                             long version, String permalink) {

    public static AnnotationJson of(Annotation a) {
        List<Map<String, Object>> selectors = new ArrayList<>();
        if (a.start != null) {
            selectors.add(Map.of("type", "TextPositionSelector", "start", a.start, "end", a.end));
            selectors.add(Map.of("type", "TextQuoteSelector", "exact", a.exact, "prefix", a.prefix == null ? "" : a.prefix,
                    "suffix", a.suffix == null ? "" : a.suffix));
        }
        List<Long> references = new ArrayList<>();
        if (a.ancestors != null) {
            for (String part : a.ancestors.split("/")) {
                if (!part.isEmpty()) {
                    references.add(Long.valueOf(part));
                }
            }
        }
        return new AnnotationJson(a.id, a.paper.id, a.textVersion, a.group == null ? null : a.group.id,
                Map.of("username", a.author.username, "displayName", a.author.displayName), a.motivation.name(),
                selectors, a.body, a.bodyHtml, a.tagList(), a.rootId, a.parentId, references, a.resolved, a.answerId,
                a.deleted, a.detached, a.editedAt != null, a.createdAt, a.updatedAt, a.version,
                "/annotations/" + a.id);
    }
}
