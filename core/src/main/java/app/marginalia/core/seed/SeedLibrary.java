package app.marginalia.core.seed;

import app.marginalia.core.paper.Fingerprint;
import app.marginalia.core.paper.PartialDate;
import app.marginalia.core.paper.ProvisionalTitle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seed documents merged into distinct papers. Entries are the same paper when their
 * abstracts have the same {@link Fingerprint}; the paper then takes the richest metadata any
 * entry gave (a listing's title, authors, category, date and score over an untitled line),
 * a published title from {@link KnownTitles} where no list titles it, or else a provisional one.
 */
public record SeedLibrary(List<SeedPaper> papers, int entriesRead, int entriesMerged, List<SeedProblem> skipped,
                          List<SeedProblem> warnings) {

    public SeedLibrary {
        papers = List.copyOf(papers);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    public static SeedLibrary merge(List<SeedDocument> documents, KnownTitles knownTitles) {
        Map<String, List<SeedEntry>> byFingerprint = new LinkedHashMap<>();
        List<SeedProblem> skipped = new ArrayList<>();
        List<SeedProblem> warnings = new ArrayList<>();
        int read = 0;
        for (SeedDocument document : documents) {
            skipped.addAll(document.skipped());
            warnings.addAll(document.warnings());
            for (SeedEntry entry : document.entries()) {
                read++;
                byFingerprint.computeIfAbsent(Fingerprint.of(entry.abstractText()), k -> new ArrayList<>()).add(entry);
            }
        }
        List<SeedPaper> papers = new ArrayList<>();
        byFingerprint.forEach((fingerprint, entries) -> papers.add(paper(fingerprint, entries, knownTitles)));
        return new SeedLibrary(papers, read, read - papers.size(), skipped, warnings);
    }

    private static SeedPaper paper(String fingerprint, List<SeedEntry> entries, KnownTitles knownTitles) {
        SeedEntry richest = entries.stream().filter(e -> e.title() != null).findFirst().orElse(entries.get(0));
        List<SeedPaper.Origin> origins = entries.stream()
                .map(e -> new SeedPaper.Origin(e.list(), e.file(), e.line())).toList();
        String abstractText = richest.abstractText();
        if (richest.title() != null) {
            return new SeedPaper(fingerprint, richest.title(), SeedPaper.TitleSource.LISTING, richest.authors(),
                    richest.authorsTruncated(), richest.organisations(), richest.category(), richest.date(),
                    richest.score(), abstractText, origins);
        }
        Optional<KnownTitles.KnownTitle> known = knownTitles.forAbstract(abstractText);
        String title = known.map(KnownTitles.KnownTitle::title).orElseGet(() -> ProvisionalTitle.from(abstractText));
        PartialDate date = known.map(KnownTitles.KnownTitle::year).map(PartialDate::ofYear).orElse(null);
        return new SeedPaper(fingerprint, title,
                known.isPresent() ? SeedPaper.TitleSource.KNOWN_TITLES : SeedPaper.TitleSource.PROVISIONAL,
                List.of(), false, List.of(), null, date, null, abstractText, origins);
    }
}
