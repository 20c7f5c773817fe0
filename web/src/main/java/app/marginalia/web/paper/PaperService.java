package app.marginalia.web.paper;

import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.document.Document;
import app.marginalia.core.document.TextLayout;
import app.marginalia.core.importing.ArxivId;
import app.marginalia.core.paper.CanonicalText;
import app.marginalia.core.paper.Fingerprint;
import app.marginalia.core.group.Policy;
import app.marginalia.core.paper.PaperDraft;
import app.marginalia.core.seed.SeedPaper;
import app.marginalia.persistence.paper.LibraryPage;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperOrigin;
import app.marginalia.persistence.paper.PaperText;
import app.marginalia.persistence.paper.PaperTextLayout;
import app.marginalia.web.group.GroupPageReadModel;
import app.marginalia.web.group.GroupViews;
import app.marginalia.web.group.ReadingListCommands;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import app.marginalia.web.system.NotSignedInException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The library: listing, reading and adding papers, including papers from the seed import. */
@ApplicationScoped
@Transactional
public class PaperService {

    private final ReadingListCommands groups;
    private final PaperChangeService changes;
    private final DiscussionEvents events;
    private final GroupPageReadModel groupPages;

    PaperService(ReadingListCommands groups, PaperChangeService changes, DiscussionEvents events,
                 GroupPageReadModel groupPages) {
        this.groups = groups;
        this.groupPages = groupPages;
        this.changes = changes;
        this.events = events;
    }

    /** How an imported seed paper met the library. */
    public enum SeedOutcome { CREATED, UPDATED, PRESENT }

    /** The library, sorted and narrowed to papers whose metadata contains every word of {@code filter}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaperSummary> library(LibrarySort sort, String filter) {
        List<String> words = filter == null ? List.of()
                : Arrays.stream(filter.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        return Paper.listWithOrigins().stream().map(PaperSummary::of)
                .filter(p -> words.stream().allMatch(p.filterText()::contains))
                .sorted(sort.order).toList();
    }

    /**
     * One page of the library, sorted and narrowed in SQL to papers whose metadata contains every
     * word of {@code filter}, with the notes new to {@code user} in their groups and, for a
     * {@code groupId}, which of the page's papers that group lists. The statements are the same
     * for any library size: the page and its count of matches, the library's size, the page's lists, its new
     * notes, and the group's membership and list. A page past the last is 404 with a message.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LibraryView libraryPage(LibrarySort sort, String filter, int page, Optional<SignedIn> user, Long groupId) {
        String typed = filter == null ? "" : filter.strip();
        List<String> words = LibraryPage.words(typed);
        if (words.size() > LibraryPage.MAX_WORDS) {
            throw new InvalidFormException("q", "Filter with at most " + LibraryPage.MAX_WORDS + " words.");
        }
        if (page < 1) {
            throw new InvalidFormException("page", "Pages are numbered from 1.");
        }
        LibraryPage.Found found = LibraryPage.page(words, sort.sql, (page - 1) * LibraryView.PAGE_SIZE,
                LibraryView.PAGE_SIZE);
        List<Paper> rows = found.papers();
        long matches = found.matches();
        int pages = (int) Math.max(1, (matches + LibraryView.PAGE_SIZE - 1) / LibraryView.PAGE_SIZE);
        if (rows.isEmpty() && page > 1) {
            // Past the last page: counted again to say how far the pages go (only on this error path).
            matches = LibraryPage.count(words);
            pages = (int) Math.max(1, (matches + LibraryView.PAGE_SIZE - 1) / LibraryView.PAGE_SIZE);
            throw new WebApplicationException("Page " + page + " is past the end: " + (matches == 1 ? "1 paper matches"
                    : matches + " papers match") + ", on " + pages + (pages == 1 ? " page." : " pages."), 404);
        }
        long total = found.total();
        List<Long> ids = rows.stream().map(p -> p.id).toList();
        Map<Long, List<String>> lists = LibraryPage.lists(ids);
        List<PaperSummary> papers = rows.stream().map(p -> PaperSummary.of(p, lists.getOrDefault(p.id, List.of()))).toList();
        Map<Long, Long> fresh = user.map(u -> LibraryPage.freshInMyGroups(u.id(), ids)).orElse(Map.of());
        GroupViews.ListPicker picker = groupId == null ? null
                : groupPages.listPicker(groupId, user.orElseThrow(NotSignedInException::new), ids);
        return new LibraryView(papers, matches, total, page, pages, sort, typed, fresh, picker);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PaperDetail detail(long id) {
        Paper paper = Paper.<Paper>findByIdOptional(id).orElseThrow(() -> new NotFoundException("No such paper."));
        PaperText text = PaperText.findVersion(id, paper.textVersion)
                .orElseThrow(() -> new IllegalStateException("paper " + id + " has no text version " + paper.textVersion));
        return PaperDetail.of(paper, text);
    }

    /** Papers the draft probably duplicates: the same text, or the same title. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaperSummary> likelyDuplicates(PaperDraft draft) {
        Map<Long, Paper> matches = new LinkedHashMap<>();
        String fingerprint = draft.fingerprint();
        if (fingerprint != null) {
            Paper.findByFingerprint(fingerprint).forEach(p -> matches.put(p.id, p));
        }
        if (!draft.title().isEmpty()) {
            Paper.findByTitleKey(Fingerprint.titleKey(draft.title())).forEach(p -> matches.put(p.id, p));
        }
        return matches.values().stream().map(PaperSummary::of).toList();
    }

    /**
     * Adds a paper typed in by a member, and proposes it to one of their groups if asked. A likely
     * duplicate is refused unless the member has seen the matches and confirmed; an invalid draft
     * is refused with every problem named.
     */
    public long add(PaperDraft draft, boolean duplicateConfirmed, SignedIn user, Long groupId) {
        return add(draft, draft.document(), null, null, "Added by " + user.displayName(), duplicateConfirmed, user,
                groupId);
    }

    /** An original file of a new paper, stored once the paper has its id; answers the file's id. */
    @FunctionalInterface
    public interface NewFile {
        long store(long paperId, Instant now);
    }

    /**
     * Adds a paper whose text is {@code document} (from the form, or extracted from {@code file},
     * whose glyph positions are {@code layout}), with the same rules as {@link #add(PaperDraft,
     * boolean, SignedIn, Long)}: {@code draft} carries the metadata and the de-duplication key.
     */
    public long add(PaperDraft draft, Document document, NewFile file, TextLayout layout, String origin,
                    boolean duplicateConfirmed, SignedIn user, Long groupId) {
        if (!draft.problems().isEmpty()) {
            throw new InvalidFormException(draft.problems());
        }
        List<PaperSummary> duplicates = likelyDuplicates(draft);
        if (!duplicates.isEmpty() && !duplicateConfirmed) {
            throw new DuplicatePaperException(duplicates);
        }
        Instant now = Instant.now();
        Paper paper = new Paper();
        paper.title = draft.title();
        paper.titleKey = Fingerprint.titleKey(draft.title());
        paper.setAuthorList(draft.authorList());
        paper.setPublished(draft.publishedDate().orElse(null));
        paper.link = draft.link().isEmpty() ? null : draft.link();
        paper.fingerprint = draft.fingerprint();
        paper.arxivId = freeArxivId(ArxivId.find(paper.link).orElse(null));
        paper.addedBy = user.id();
        Long fileId = null;
        if (file != null) {
            // The file names its paper, so the paper is written first; persistNew then adds text version 1.
            paper.textVersion = 1;
            paper.createdAt = now;
            paper.updatedAt = now;
            paper.persist();
            fileId = file.store(paper.id, now);
        }
        persistNew(paper, document, fileId, layout, now);
        addOrigin(paper, PaperOrigin.Kind.MANUAL, origin, null, null, now);
        events.emit(new DiscussionEvent.PaperChanged(paper.id, user.id()));
        if (groupId != null) {
            // Same transaction: if the member may not propose to that group, nothing is saved.
            groups.propose(groupId, user, paper.id);
        }
        return paper.id;
    }

    /**
     * Brings one merged seed paper into the library: creates it, or adds the lists and the
     * metadata it lacks to the paper with the same text. Nothing a member has set is overwritten.
     */
    public SeedOutcome importSeed(SeedPaper seed) {
        Instant now = Instant.now();
        Optional<Paper> existing = Paper.findByFingerprint(seed.fingerprint()).stream().findFirst();
        if (existing.isEmpty()) {
            Paper paper = new Paper();
            paper.title = seed.title();
            paper.titleKey = Fingerprint.titleKey(seed.title());
            paper.titleProvisional = seed.titleSource() == SeedPaper.TitleSource.PROVISIONAL;
            fillSeedMetadata(paper, seed);
            paper.fingerprint = seed.fingerprint();
            paper.arxivId = freeArxivId(seed.arxivId().orElse(null));
            persistNew(paper, Document.withAbstract(CanonicalText.of(seed.abstractText()), List.of()), null, null, now);
            seed.origins().forEach(o -> addOrigin(paper, PaperOrigin.Kind.SEED, o.list(), o.file(), o.line(), now));
            events.emit(new DiscussionEvent.PaperChanged(paper.id, null));
            return SeedOutcome.CREATED;
        }
        Paper paper = existing.get();
        boolean changed = fillSeedMetadata(paper, seed);
        if (paper.titleProvisional && seed.titleSource() != SeedPaper.TitleSource.PROVISIONAL) {
            paper.title = seed.title();
            paper.titleKey = Fingerprint.titleKey(seed.title());
            paper.titleProvisional = false;
            changed = true;
        }
        for (SeedPaper.Origin origin : seed.origins()) {
            if (paper.origins.stream().noneMatch(o -> o.sameSeedLine(origin.file(), origin.line()))) {
                addOrigin(paper, PaperOrigin.Kind.SEED, origin.list(), origin.file(), origin.line(), now);
                changed = true;
            }
        }
        if (changed) {
            paper.updatedAt = now;
            events.emit(new DiscussionEvent.PaperChanged(paper.id, null));
        }
        return changed ? SeedOutcome.UPDATED : SeedOutcome.PRESENT;
    }

    /** Whether the user may edit the paper directly, so the reader offers "Edit" only to them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayEdit(long id, SignedIn user) {
        return changes.access(id, user) == Policy.PaperChange.EDIT;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return Paper.count();
    }

    /** The id, unless another paper already has it: an arXiv id names one paper of the library. */
    private static String freeArxivId(ArxivId id) {
        return id == null || Paper.findByArxivId(id.id()).isPresent() ? null : id.id();
    }

    private static boolean fillSeedMetadata(Paper paper, SeedPaper seed) {
        boolean filled = false;
        if (paper.arxivId == null && seed.arxivId().isPresent()) {
            paper.arxivId = freeArxivId(seed.arxivId().get());
            filled = paper.arxivId != null;
        }
        if (paper.authorList().isEmpty() && !seed.authors().isEmpty()) {
            paper.setAuthorList(seed.authors());
            paper.authorsTruncated = seed.authorsTruncated();
            filled = true;
        }
        if (paper.organisationList().isEmpty() && !seed.organisations().isEmpty()) {
            paper.setOrganisationList(seed.organisations());
            filled = true;
        }
        if (paper.category == null && seed.category() != null) {
            paper.category = seed.category();
            filled = true;
        }
        if (paper.published().isEmpty() && seed.date() != null) {
            paper.setPublished(seed.date());
            filled = true;
        }
        if (paper.score == null && seed.score() != null) {
            paper.score = seed.score();
            filled = true;
        }
        return filled;
    }

    /**
     * Stores a new paper (its fields set by the caller) with {@code document} as text version 1:
     * FULL_TEXT when the document has a body, with the file it was extracted from and that file's
     * layout, if any. The paper's abstract is the document's abstract. For the PDF and import paths.
     */
    public static void persistNew(Paper paper, Document document, Long fileId, TextLayout layout, Instant now) {
        String abstractText = document.abstractText();
        paper.abstractText = abstractText.isEmpty() ? null : abstractText;
        paper.textVersion = 1;
        paper.createdAt = now;
        paper.updatedAt = now;
        paper.persist();
        PaperText text = new PaperText();
        text.paper = paper;
        text.versionNo = 1;
        text.kind = document.hasBody() ? PaperText.Kind.FULL_TEXT : PaperText.Kind.ABSTRACT;
        text.content = document.text();
        text.structure = document.structure();
        text.fileId = fileId;
        text.createdAt = now;
        text.persist();
        if (layout != null) {
            PaperTextLayout stored = new PaperTextLayout();
            stored.textId = text.id;
            stored.layout = layout.encode();
            stored.persist();
        }
    }

    private static void addOrigin(Paper paper, PaperOrigin.Kind kind, String list, String file, Integer line,
                                  Instant now) {
        PaperOrigin origin = new PaperOrigin();
        origin.paper = paper;
        origin.kind = kind;
        origin.listName = list;
        origin.fileName = file;
        origin.lineNo = line;
        origin.createdAt = now;
        origin.persist();
        paper.origins.add(origin);
    }
}
