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

    /**
     * Reads a date stored in {@link PartialDate#iso()} form ({@code 2022-09-21}, {@code 2024-03},
     * {@code --05-28}); null for null. Stored dates need not be in a form a person types.
     */
    public static PartialDate dateFromIso(String iso) {
        if (iso == null || iso.isEmpty()) {
            return null;
        }
        String[] parts = iso.startsWith("-") ? iso.substring(1).split("-", -1) : iso.split("-", -1);
        Integer year = iso.startsWith("-") || parts[0].isEmpty() ? null : Integer.valueOf(parts[0]);
        Integer month = parts.length > 1 ? Integer.valueOf(parts[1]) : null;
        Integer day = parts.length > 2 ? Integer.valueOf(parts[2]) : null;
        return new PartialDate(year, month, day);
    }

    /**
     * A date as a person would type it ({@code Jun 12, 2017}), or in ISO form ({@code 2024-03})
     * when the readable form would not read back as the same date; {@link PaperDraft} reads both.
     */
    public static String typed(PartialDate date) {
        String shown = date.display();
        return PartialDate.parse(shown).filter(date::equals).isPresent() ? shown : date.iso();
    }

    private static String display(PartialDate date) {
        return date == null ? "" : date.display();
    }
}
