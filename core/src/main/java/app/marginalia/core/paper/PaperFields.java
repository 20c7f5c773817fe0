package app.marginalia.core.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A paper's editable metadata at one moment: what a library change records before and after,
 * what a revert restores, and what a proposal's review compares. Absent values are empty strings.
 */
public record PaperFields(String title, List<String> authors, PartialDate published, String link,
                          String abstractText) {

    /** One field that differs, as a reader would see it on either side. */
    public record Change(String field, String label, String before, String after) {
    }

    public PaperFields {
        title = title == null ? "" : title;
        authors = authors == null ? List.of() : List.copyOf(authors);
        link = link == null ? "" : link;
        abstractText = abstractText == null ? "" : abstractText;
    }

    /** The metadata a valid draft sets. */
    public static PaperFields of(PaperDraft draft) {
        return new PaperFields(draft.title(), draft.authorList(), draft.publishedDate().orElse(null), draft.link(),
                draft.abstractText());
    }

    /** Every field that differs from {@code after}, in the form's order; empty when nothing changed. */
    public List<Change> changesTo(PaperFields after) {
        List<Change> changes = new ArrayList<>();
        add(changes, "title", "Title", title, after.title);
        add(changes, "authors", "Authors", String.join(", ", authors), String.join(", ", after.authors));
        add(changes, "date", "Published", display(published), display(after.published));
        add(changes, "link", "Link", link, after.link);
        add(changes, "abstractText", "Abstract", abstractText, after.abstractText);
        return changes;
    }

    private static void add(List<Change> changes, String field, String label, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(field, label, before, after));
        }
    }

    private static String display(PartialDate date) {
        return date == null ? "" : date.display();
    }
}
