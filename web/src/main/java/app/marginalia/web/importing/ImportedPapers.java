package app.marginalia.web.importing;

import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.importing.ArxivId;
import app.marginalia.core.importing.Doi;
import app.marginalia.core.importing.ImportedPaper;
import app.marginalia.core.paper.FieldProblem;
import app.marginalia.core.paper.PaperDraft;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperOrigin;
import app.marginalia.web.paper.PaperService;
import app.marginalia.web.paper.PaperSummary;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imported papers meet the library here, each call in its own transaction: a paper is created
 * only when nothing in the library has its arXiv id, its DOI, its normalised title or its
 * abstract's fingerprint; otherwise the matches are returned, to be offered as merges.
 */
@ApplicationScoped
@Transactional
public class ImportedPapers {

    /** What became of one imported paper. */
    public sealed interface Outcome permits Created, Duplicate {
    }

    public record Created(long id) implements Outcome {
    }

    public record Duplicate(List<PaperSummary> matches) implements Outcome {
    }

    /** What a merge filled in, for the message after it. */
    public record Merged(long paperId, boolean arxivIdSet, boolean doiSet) {
    }

    private final PaperService papers;
    private final DiscussionEvents events;

    ImportedPapers(PaperService papers, DiscussionEvents events) {
        this.papers = papers;
        this.events = events;
    }

    /**
     * Creates the paper through the library's own add path (same rules, search index, limits),
     * then records its identifiers and marks its origin as an import named {@code origin}.
     */
    public Outcome create(ImportedPaper imported, String origin, SignedIn user) {
        List<PaperSummary> matches = duplicates(imported);
        if (!matches.isEmpty()) {
            return new Duplicate(matches);
        }
        PaperDraft draft = imported.draft();
        List<FieldProblem> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        long id = papers.add(draft, true, user, null);
        Paper paper = Paper.<Paper>findByIdOptional(id).orElseThrow();
        if (imported.arxivId() != null) {
            paper.arxivId = imported.arxivId().id();
        }
        if (imported.doi() != null) {
            paper.doi = imported.doi().value();
        }
        for (PaperOrigin o : paper.origins) {
            o.kind = PaperOrigin.Kind.IMPORT;
            o.listName = origin;
        }
        return new Created(id);
    }

    /** Papers of the library the import would duplicate: same arXiv id, same DOI, same title or same abstract. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaperSummary> duplicates(ImportedPaper imported) {
        Map<Long, PaperSummary> matches = new LinkedHashMap<>();
        Optional.ofNullable(imported.arxivId()).flatMap(id -> Paper.findByArxivId(id.id()))
                .ifPresent(p -> matches.put(p.id, papers.detail(p.id).paper()));
        Optional.ofNullable(imported.doi()).flatMap(doi -> Paper.findByDoi(doi.value()))
                .ifPresent(p -> matches.put(p.id, papers.detail(p.id).paper()));
        papers.likelyDuplicates(imported.draft()).forEach(p -> matches.putIfAbsent(p.id(), p));
        return List.copyOf(matches.values());
    }

    /** The paper that already has this arXiv id, so an import by id can offer it without asking arXiv. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PaperSummary> withArxivId(ArxivId id) {
        return Paper.findByArxivId(id.id()).map(p -> papers.detail(p.id).paper());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PaperSummary> withDoi(Doi doi) {
        return Paper.findByDoi(doi.value()).map(p -> papers.detail(p.id).paper());
    }

    /**
     * Records an imported entry against a paper already in the library: fills its arXiv id and
     * DOI where it has none (and no other paper has them), and adds the import as one more origin
     * of the paper. Nothing the paper has is overwritten, so any member may do it.
     */
    public Merged merge(long paperId, ArxivId arxivId, Doi doi, String origin, long actorId) {
        Paper paper = Paper.findForUpdate(paperId).orElseThrow(() -> new NotFoundException("No such paper."));
        boolean arxivSet = false;
        boolean doiSet = false;
        if (arxivId != null && paper.arxivId == null && Paper.findByArxivId(arxivId.id()).isEmpty()) {
            paper.arxivId = arxivId.id();
            arxivSet = true;
        }
        if (doi != null && paper.doi == null && Paper.findByDoi(doi.value()).isEmpty()) {
            paper.doi = doi.value();
            doiSet = true;
        }
        if (paper.origins.stream().noneMatch(o -> o.kind == PaperOrigin.Kind.IMPORT && origin.equals(o.listName))) {
            PaperOrigin o = new PaperOrigin();
            o.paper = paper;
            o.kind = PaperOrigin.Kind.IMPORT;
            o.listName = origin;
            o.createdAt = Instant.now();
            o.persist();
            paper.origins.add(o);
        }
        paper.updatedAt = Instant.now();
        events.emit(new DiscussionEvent.PaperChanged(paper.id, actorId));
        return new Merged(paper.id, arxivSet, doiSet);
    }
}
