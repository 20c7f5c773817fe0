package app.marginalia.web.paper;

import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.document.BlockKind;
import app.marginalia.core.document.Document;
import app.marginalia.core.document.StructuredText;
import app.marginalia.core.document.TextLayout;
import app.marginalia.core.group.Action;
import app.marginalia.core.group.Actor;
import app.marginalia.core.group.Policy;
import app.marginalia.core.group.Policy.PaperChange;
import app.marginalia.core.paper.CanonicalText;
import app.marginalia.core.paper.LineDiff;
import app.marginalia.core.paper.PaperDraft;
import app.marginalia.core.paper.PaperFields;
import app.marginalia.core.pdf.Extraction;
import app.marginalia.core.pdf.PdfExtractor;
import app.marginalia.core.pdf.PdfProblem;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.paper.LibraryStakes;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperFile;
import app.marginalia.persistence.paper.PaperFileContent;
import app.marginalia.persistence.paper.PaperProposal;
import app.marginalia.persistence.paper.PaperRevision;
import app.marginalia.persistence.paper.PaperText;
import app.marginalia.persistence.paper.PaperTextLayout;
import app.marginalia.web.annotation.Reanchoring;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Changes to the shared library: direct edits by those {@link Policy#paperChange} lets edit,
 * proposals from everyone else, an administrator's review of proposals, and reverts. Every applied
 * change is a {@link PaperRevision}; a changed text is a new text version with every note
 * re-anchored in the same transaction, so a failure leaves nothing half-saved.
 */
@ApplicationScoped
@Transactional
public class PaperChangeService {

    /** How many proposals one account may have waiting at once, so nobody floods the review queue. */
    static final int MAX_PENDING_PER_ACCOUNT = 20;
    static final int REASON_MAX = 500;

    private final Reanchoring annotations;
    private final DiscussionEvents events;

    PaperChangeService(Reanchoring annotations, DiscussionEvents events) {
        this.annotations = annotations;
        this.events = events;
    }

    /** The edit form as the person may use it: to edit directly, or to propose a change. */
    /** {@code fromFile}: the text version was extracted from a file, so its text is not edited in the form. */
    public record EditView(PaperForm form, boolean propose, boolean fromFile) {
    }

    /** What applying a change did: the revision recorded (none when nothing changed), and the notes. */
    public record Applied(PaperRevision revision, int textVersion, boolean textChanged,
                          Reanchoring.Reanchored notes) {

        public boolean changed() {
            return revision != null;
        }
    }

    /** A revision as the history page shows it. */
    public record RevisionView(long id, String kind, String actor, String proposer, String reason, Instant at,
                               List<PaperFields.Change> changes, int oldTextVersion, int newTextVersion,
                               Long revertsId) {

        public boolean textChanged() {
            return oldTextVersion != newTextVersion;
        }
    }

    /** A proposal as its reviewer (or proposer) sees it: the metadata side by side and the text's diff. */
    /** {@code fileName} and {@code filePages}: the PDF the proposal attaches, or null and 0 for a typed change. */
    public record ProposalView(long id, long paperId, String paperTitle, String proposer, String status, String reason,
                               Instant at, String decision, List<PaperFields.Change> changes, boolean textChanged,
                               int currentLength, int proposedLength, List<LineDiff.Line> textDiff, boolean stale,
                               String fileName, int filePages) {

        public boolean attachesFile() {
            return fileName != null;
        }
    }

    /** The paper's history page: its changes, and the proposals the viewer may see. */
    public record History(long paperId, String title, boolean reviewer, boolean mayChange, boolean mayEditDirectly,
                          List<RevisionView> revisions, List<ProposalView> proposals) {
    }

    // ---- Who may do what ----

    /** How the person may change the paper, by core's rule over the paper's stakes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PaperChange access(long paperId, SignedIn user) {
        Paper paper = Paper.<Paper>findByIdOptional(paperId).orElseThrow(() -> new NotFoundException("No such paper."));
        return access(paper, user);
    }

    private static PaperChange access(Paper paper, SignedIn user) {
        Actor actor = Actor.account(user.administrator(), null)
                .asAuthor(paper.addedBy != null && paper.addedBy == user.id());
        return Policy.paperChange(actor, () -> LibraryStakes.of(paper.id, user.id()));
    }

    /** Administrators only; like the admin pages, review does not exist for anyone else (404). */
    private static void requireReviewer(SignedIn user) {
        if (!Policy.allows(Action.REVIEW_PAPER_CHANGES, Actor.account(user.administrator(), null))) {
            throw new NotFoundException();
        }
    }

    // ---- Editing and proposing ----

    /** The form filled with the paper as it is, for editing or for proposing a change. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EditView editForm(long id, SignedIn user) {
        Paper paper = Paper.<Paper>findByIdOptional(id).orElseThrow(() -> new NotFoundException("No such paper."));
        PaperChange access = access(paper, user);
        if (access == PaperChange.NONE) {
            throw new ForbiddenException("You cannot change this paper.");
        }
        PaperText text = PaperText.findVersion(id, paper.textVersion).orElseThrow();
        Document document = documentOf(text);
        PaperForm form = new PaperForm();
        form.title = paper.title;
        form.authors = String.join("\n", paper.authorList());
        // The document's own parts, written so that saving the form unchanged gives the same document.
        form.abstractText = document.abstractText();
        form.fullText = StructuredText.source(document.body());
        form.textFromFile = text.fileId != null;
        form.date = paper.published().map(PaperFields::typed).orElse("");
        form.link = paper.link == null ? "" : paper.link;
        form.version = paper.version;
        return new EditView(form, access == PaperChange.PROPOSE, text.fileId != null);
    }

    /**
     * Saves a direct edit, if the person may edit the paper directly and it is still at the version
     * they opened; a stale version is a conflict (409), never a silent overwrite.
     */
    public Applied edit(long id, SignedIn user, PaperDraft draft, Long expectedVersion, String reason) {
        return guarded(() -> {
            Paper paper = Paper.findForUpdate(id).orElseThrow(() -> new NotFoundException("No such paper."));
            if (access(paper, user) != PaperChange.EDIT) {
                throw new ForbiddenException("Other groups or people depend on this paper, so changes to it are "
                        + "proposed and an administrator accepts them. Use “Propose a change” on the paper.");
            }
            requireValid(paper, draft);
            requireVersion(paper, expectedVersion);
            return apply(paper, draft, user.id(), PaperRevision.Kind.EDIT, null, optionalReason(reason));
        });
    }

    /** Stores a proposed change for an administrator; the paper itself does not change. */
    public PaperProposal propose(long id, SignedIn user, PaperDraft draft, Long expectedVersion, String reason) {
        Paper paper = Paper.<Paper>findByIdOptional(id).orElseThrow(() -> new NotFoundException("No such paper."));
        if (!Policy.allows(Action.PROPOSE_PAPER_CHANGE, Actor.account(user.administrator(), null))) {
            throw new ForbiddenException("Sign in to propose a change.");
        }
        String why = reason == null ? "" : CanonicalText.singleLine(reason);
        if (why.isEmpty() || why.length() > REASON_MAX) {
            throw new InvalidFormException("reason", "Say in a sentence (at most " + REASON_MAX
                    + " characters) what the change corrects, so an administrator can judge it.");
        }
        requireValid(paper, draft);
        requireVersion(paper, expectedVersion);
        PaperText current = PaperText.findVersion(id, paper.textVersion).orElseThrow();
        Document proposed = documentFor(current, draft);
        if (paper.fields().changesTo(fieldsOf(draft, proposed)).isEmpty() && sameVersion(current, proposed, current.fileId)) {
            throw new InvalidFormException("reason", "The proposal changes nothing: change a field first.");
        }
        requireRoomForProposal(id, user);
        PaperProposal proposal = new PaperProposal();
        proposal.paper = paper;
        proposal.proposer = Account.findById(user.id());
        proposal.status = PaperProposal.Status.PENDING;
        proposal.reason = why;
        proposal.baseVersion = paper.version;
        proposal.setDraft(draft);
        proposal.createdAt = Instant.now();
        proposal.persist();
        return proposal;
    }

    private static void requireRoomForProposal(long paperId, SignedIn user) {
        if (PaperProposal.pendingBy(paperId, user.id()) > 0) {
            throw new InvalidFormException("reason", "You already have a proposal for this paper waiting for an "
                    + "administrator. Its state is on the paper's history page.");
        }
        if (PaperProposal.pendingBy(user.id()) >= MAX_PENDING_PER_ACCOUNT) {
            throw new InvalidFormException("reason", "You have " + MAX_PENDING_PER_ACCOUNT
                    + " proposals waiting already; wait until an administrator has looked at them.");
        }
    }

    /**
     * Checks that the person may propose a PDF for the paper now: signed in, a reason given, the
     * paper still at the version the form showed (when the form said), and room in the limits. Run
     * before the file is stored, so a refused proposal stores nothing. The reason, normalised.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String requireFileProposal(Paper paper, SignedIn user, Long expectedVersion, String reason) {
        if (!Policy.allows(Action.PROPOSE_PAPER_CHANGE, Actor.account(user.administrator(), null))) {
            throw new ForbiddenException("Sign in to propose a change.");
        }
        String why = reason == null ? "" : CanonicalText.singleLine(reason);
        if (why.isEmpty() || why.length() > REASON_MAX) {
            throw new InvalidFormException("reason", "Say in a sentence (at most " + REASON_MAX
                    + " characters) why the library should use this PDF, so an administrator can judge it.");
        }
        if (expectedVersion != null && expectedVersion != paper.version) {
            throw new PaperConflictException("The paper changed after you opened this form, so nothing was stored. "
                    + "Look at the paper as it is now, then choose the PDF again if it is still needed.");
        }
        requireRoomForProposal(paper.id, user);
        return why;
    }

    /**
     * Stores a proposal to make a stored (not current) PDF the paper's next text version: the
     * paper's metadata unchanged, the file, the reason and the paper's version now. Call
     * {@link #requireFileProposal} first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PaperProposal proposeFile(Paper paper, SignedIn user, long fileId, String why) {
        PaperText current = PaperText.findVersion(paper.id, paper.textVersion).orElseThrow();
        Document document = documentOf(current);
        PaperProposal proposal = new PaperProposal();
        proposal.paper = paper;
        proposal.proposer = Account.findById(user.id());
        proposal.status = PaperProposal.Status.PENDING;
        proposal.reason = why;
        proposal.baseVersion = paper.version;
        proposal.setDraft(new PaperDraft(paper.title, String.join("\n", paper.authorList()), document.abstractText(),
                "", paper.published().map(PaperFields::typed).orElse(""), paper.link == null ? "" : paper.link));
        proposal.fileId = fileId;
        proposal.createdAt = Instant.now();
        proposal.persist();
        return proposal;
    }

    /** The PDF a pending proposal attaches, for its reviewers only; 404 for anyone else and for other proposals. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PaperFile proposedFile(long proposalId, SignedIn user) {
        requireReviewer(user);
        PaperProposal proposal = PaperProposal.<PaperProposal>findByIdOptional(proposalId)
                .filter(p -> p.status == PaperProposal.Status.PENDING && p.fileId != null)
                .orElseThrow(() -> new NotFoundException("No such file."));
        return PaperFile.<PaperFile>findByIdOptional(proposal.fileId)
                .orElseThrow(() -> new NotFoundException("No such file."));
    }

    // ---- Review ----

    /** Every proposal waiting for an administrator, with its diff against the paper as it is now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProposalView> pending(SignedIn user) {
        requireReviewer(user);
        return PaperProposal.pending().stream().map(PaperChangeService::view).toList();
    }

    /** Applies a proposal as an edit by the administrator; refused when the paper changed since it was made. */
    public Applied accept(long proposalId, SignedIn user) {
        requireReviewer(user);
        return guarded(() -> {
            PaperProposal proposal = PaperProposal.<PaperProposal>findByIdOptional(proposalId)
                    .orElseThrow(() -> new NotFoundException("No such proposal."));
            Paper paper = Paper.findForUpdate(proposal.paper.id).orElseThrow();
            requirePending(proposal);
            if (proposal.baseVersion != paper.version) {
                throw new PaperConflictException("The paper changed after this proposal was made, so accepting it "
                        + "could undo that change unseen. Reject it with that reason and ask for a new proposal.");
            }
            Applied applied;
            if (proposal.fileId != null) {
                // The PDF is read again from the stored bytes: the layout is not kept with the proposal.
                Extraction extraction = extractionOf(proposal.fileId);
                applied = applyDocument(paper, paper.fields(), extraction.document(), proposal.fileId,
                        extraction.layout(), user.id(), PaperRevision.Kind.PROPOSAL, proposal.proposer,
                        proposal.reason);
            } else {
                PaperDraft draft = proposal.draft();
                requireValid(paper, draft);
                applied = apply(paper, draft, user.id(), PaperRevision.Kind.PROPOSAL, proposal.proposer,
                        proposal.reason);
            }
            decide(proposal, user, PaperProposal.Status.ACCEPTED, null);
            proposal.revisionId = applied.changed() ? applied.revision().id : null;
            return applied;
        });
    }

    public void reject(long proposalId, SignedIn user, String reason) {
        requireReviewer(user);
        PaperProposal proposal = PaperProposal.<PaperProposal>findByIdOptional(proposalId)
                .orElseThrow(() -> new NotFoundException("No such proposal."));
        String why = reason == null ? "" : CanonicalText.singleLine(reason);
        if (why.isEmpty() || why.length() > REASON_MAX) {
            throw new InvalidFormException("decision", "Give the proposer a reason (at most " + REASON_MAX
                    + " characters).");
        }
        Paper.findForUpdate(proposal.paper.id);
        requirePending(proposal);
        decide(proposal, user, PaperProposal.Status.REJECTED, why);
        if (proposal.fileId != null) {
            // A rejected PDF is never served again: its bytes go, its name and page count stay for the history.
            PaperFileContent.deleteById(proposal.fileId);
        }
    }

    /**
     * Restores the paper as it was before a revision: its metadata, and its text as a new version
     * with every note re-anchored (notes are moved or detached, never lost). Recorded as a revision.
     */
    public Applied revert(long paperId, long revisionId, SignedIn user) {
        requireReviewer(user);
        return guarded(() -> {
            Paper paper = Paper.findForUpdate(paperId).orElseThrow(() -> new NotFoundException("No such paper."));
            PaperRevision revision = PaperRevision.findOfPaper(paperId, revisionId)
                    .orElseThrow(() -> new NotFoundException("No such change."));
            PaperText old = PaperText.findVersion(paperId, revision.oldTextVersion).orElseThrow();
            // The old version as it was: its text and structure, and the file and layout it came from.
            byte[] layout = PaperTextLayout.<PaperTextLayout>findByIdOptional(old.id).map(l -> l.layout).orElse(null);
            Applied applied = apply(paper, revision.before(), documentOf(old), old.fileId, layout, user.id(),
                    PaperRevision.Kind.REVERT, null, "Reverted change #" + revision.id + ".");
            if (applied.changed()) {
                applied.revision().revertsId = revision.id;
            }
            return applied;
        });
    }

    // ---- History ----

    @Transactional(Transactional.TxType.SUPPORTS)
    public History history(long paperId, Optional<SignedIn> viewer) {
        Paper paper = Paper.<Paper>findByIdOptional(paperId).orElseThrow(() -> new NotFoundException("No such paper."));
        boolean reviewer = viewer.map(u -> Policy.allows(Action.REVIEW_PAPER_CHANGES,
                Actor.account(u.administrator(), null))).orElse(false);
        PaperChange access = viewer.map(u -> access(paper, u)).orElse(PaperChange.NONE);
        List<RevisionView> revisions = PaperRevision.ofPaper(paperId).stream().map(r -> new RevisionView(r.id,
                switch (r.kind) {
                    case EDIT -> "Edited";
                    case PROPOSAL -> "Proposal accepted";
                    case REVERT -> "Reverted";
                }, name(r.actor), r.proposer == null ? null : name(r.proposer), r.reason, r.createdAt,
                r.before().changesTo(r.after()), r.oldTextVersion, r.newTextVersion, r.revertsId)).toList();
        // Proposals are their proposer's and the reviewers' business: a pending one may be anything.
        List<ProposalView> proposals = viewer.isEmpty() ? List.of() : PaperProposal.ofPaper(paperId).stream()
                .filter(p -> reviewer || p.proposer.id == viewer.get().id())
                .map(PaperChangeService::view).toList();
        return new History(paperId, paper.title, reviewer, access != PaperChange.NONE, access == PaperChange.EDIT,
                revisions, proposals);
    }

    // ---- Applying a change ----

    /**
     * A stored text version as a document. Versions written before structures existed (or whose
     * structure does not fit) read as abstract paragraphs or body paragraphs, by their kind.
     */
    public static Document documentOf(PaperText text) {
        return Document.of(text.content, text.structure,
                text.kind == PaperText.Kind.ABSTRACT ? BlockKind.ABSTRACT : BlockKind.PARAGRAPH);
    }

    /**
     * The document a draft makes of the paper. A version extracted from a file keeps its text (the
     * form does not offer it for editing): a new file is a new version, attached through its own path.
     */
    private static Document documentFor(PaperText current, PaperDraft draft) {
        return current.fileId != null ? documentOf(current) : draft.document();
    }

    /** The draft's metadata, with the abstract as the document has it: {@code paper.abstract_text} mirrors it. */
    private static PaperFields fieldsOf(PaperFields fields, Document document) {
        return new PaperFields(fields.title(), fields.authors(), fields.published(), fields.link(),
                document.abstractText());
    }

    private static PaperFields fieldsOf(PaperDraft draft, Document document) {
        return fieldsOf(PaperFields.of(draft), document);
    }

    private static boolean sameVersion(PaperText current, Document document, Long fileId) {
        return document.text().equals(current.content) && document.structure().equals(documentOf(current).structure())
                && Objects.equals(fileId, current.fileId);
    }

    private Applied apply(Paper paper, PaperDraft draft, long actorId, PaperRevision.Kind kind, Account proposer,
                          String reason) {
        PaperText current = PaperText.findVersion(paper.id, paper.textVersion).orElseThrow();
        return apply(paper, PaperFields.of(draft), documentFor(current, draft), current.fileId, null, actorId, kind,
                proposer, reason);
    }

    /**
     * The one way the library's papers change, for edits, accepted proposals, reverts and new files:
     * the metadata; a new text version when the document's text or structure or its file differs,
     * with its layout if it has one, and every note re-anchored; and a revision. The paper's
     * abstract is the document's abstract. The text version is FULL_TEXT iff the document has a body.
     */
    public Applied applyDocument(Paper paper, PaperFields fields, Document document, Long fileId, TextLayout layout,
                                 long actorId, PaperRevision.Kind kind, Account proposer, String reason) {
        return apply(paper, fields, document, fileId, layout == null ? null : layout.encode(), actorId, kind,
                proposer, reason);
    }

    private Applied apply(Paper paper, PaperFields draftFields, Document document, Long fileId, byte[] layout,
                          long actorId, PaperRevision.Kind kind, Account proposer, String reason) {
        Instant now = Instant.now();
        PaperFields fields = fieldsOf(draftFields, document);
        PaperFields before = paper.fields();
        PaperText current = PaperText.findVersion(paper.id, paper.textVersion).orElseThrow();
        boolean newVersion = !sameVersion(current, document, fileId);
        boolean textChanged = !document.text().equals(current.content);
        if (before.changesTo(fields).isEmpty() && !newVersion) {
            return new Applied(null, paper.textVersion, false, new Reanchoring.Reanchored(0, 0, 0));
        }
        PaperRevision revision = new PaperRevision();
        revision.paper = paper;
        revision.kind = kind;
        revision.actor = Account.findById(actorId);
        revision.proposer = proposer;
        revision.reason = reason;
        revision.setBefore(before, paper.textVersion);
        paper.setFields(fields);
        paper.updatedAt = now;
        Reanchoring.Reanchored notes = new Reanchoring.Reanchored(0, 0, 0);
        if (newVersion) {
            PaperText next = new PaperText();
            next.paper = paper;
            next.versionNo = paper.textVersion + 1;
            next.kind = document.hasBody() ? PaperText.Kind.FULL_TEXT : PaperText.Kind.ABSTRACT;
            next.content = document.text();
            next.structure = document.structure();
            next.fileId = fileId;
            next.createdAt = now;
            next.persist();
            if (layout != null) {
                PaperTextLayout stored = new PaperTextLayout();
                stored.textId = next.id;
                stored.layout = layout;
                stored.persist();
            }
            paper.textVersion = next.versionNo;
            // Same text, other structure or file: every note keeps its place and moves to the new version.
            notes = annotations.reanchorAll(paper.id, current.content, document.text(), next.versionNo);
        }
        revision.setAfter(fields, paper.textVersion);
        revision.createdAt = now;
        revision.persist();
        events.emit(new DiscussionEvent.PaperChanged(paper.id, actorId));
        return new Applied(revision, paper.textVersion, textChanged, notes);
    }

    /**
     * Runs a change and flushes it inside the transaction, so a collision the row lock did not
     * prevent (a note edited while it was being re-anchored, a lock wait that timed out) is a 409
     * with nothing saved rather than a failure at commit, which would be a 500.
     */
    private static <T> T guarded(Supplier<T> change) {
        try {
            T result = change.get();
            Paper.flush();
            return result;
        } catch (OptimisticLockException | PessimisticLockException | LockTimeoutException | StaleStateException e) {
            throw PaperConflictException.changedMeanwhile();
        }
    }

    /**
     * The draft's problems; for a text from a file only its metadata's, as the form has no text
     * fields then (the text stays the file's).
     */
    private static void requireValid(Paper paper, PaperDraft draft) {
        boolean fromFile = PaperText.findVersion(paper.id, paper.textVersion).map(t -> t.fileId != null).orElse(false);
        List<app.marginalia.core.paper.FieldProblem> problems = draft.problems().stream()
                .filter(p -> !fromFile || !(p.field().equals("abstractText") || p.field().equals("fullText")))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
    }

    private static void requireVersion(Paper paper, Long expectedVersion) {
        if (expectedVersion == null || expectedVersion != paper.version) {
            throw PaperConflictException.changedMeanwhile();
        }
    }

    private static void requirePending(PaperProposal proposal) {
        if (proposal.status != PaperProposal.Status.PENDING) {
            throw new PaperConflictException("This proposal was already " + proposal.status.name().toLowerCase()
                    + ".");
        }
    }

    private static void decide(PaperProposal proposal, SignedIn user, PaperProposal.Status status, String decision) {
        proposal.status = status;
        proposal.decidedAt = Instant.now();
        proposal.decidedBy = Account.findById(user.id());
        proposal.decision = decision;
    }

    private static String optionalReason(String reason) {
        String why = reason == null ? "" : CanonicalText.singleLine(reason);
        if (why.length() > REASON_MAX) {
            throw new InvalidFormException("reason", "Keep the summary to " + REASON_MAX + " characters.");
        }
        return why;
    }

    private static String name(Account account) {
        return account == null ? "a deleted account" : account.displayName;
    }

    /** The stored PDF of a proposal, extracted again; 404 when its bytes are gone, 422 when it no longer reads. */
    private static Extraction extractionOf(long fileId) {
        PaperFileContent content = PaperFileContent.<PaperFileContent>findByIdOptional(fileId)
                .orElseThrow(() -> new NotFoundException("The proposed PDF is gone."));
        try {
            return PdfExtractor.extract(content.content);
        } catch (PdfProblem e) {
            throw new WebApplicationException(Response.status(422).entity(e.getMessage()).build());
        }
    }

    private static ProposalView view(PaperProposal p) {
        Paper paper = p.paper;
        boolean pending = p.status == PaperProposal.Status.PENDING;
        PaperText currentText = PaperText.findVersion(paper.id, paper.textVersion).orElseThrow();
        String current = currentText.content;
        if (p.fileId != null) {
            PaperFile file = PaperFile.<PaperFile>findByIdOptional(p.fileId).orElse(null);
            String name = file == null ? "a PDF" : file.fileName;
            int pages = file == null ? 0 : file.pageCount;
            if (!pending || file == null) {
                return new ProposalView(p.id, paper.id, paper.title, name(p.proposer), p.status.name(), p.reason,
                        p.createdAt, p.decision, List.of(), false, 0, 0, List.of(), false, name, pages);
            }
            Document proposedDocument;
            try {
                proposedDocument = extractionOf(p.fileId).document();
            } catch (WebApplicationException unreadable) {
                // Read once when proposed, so this does not happen; if it did, the page still lists the proposal.
                return new ProposalView(p.id, paper.id, paper.title, name(p.proposer), p.status.name(), p.reason,
                        p.createdAt, p.decision, List.of(), false, 0, 0, List.of(), p.baseVersion != paper.version,
                        name, pages);
            }
            String proposed = proposedDocument.text();
            boolean textChanged = !proposed.equals(current);
            return new ProposalView(p.id, paper.id, paper.title, name(p.proposer), p.status.name(), p.reason,
                    p.createdAt, p.decision, paper.fields().changesTo(fieldsOf(paper.fields(), proposedDocument)),
                    textChanged, CanonicalText.length(current), CanonicalText.length(proposed),
                    textChanged ? LineDiff.of(current, proposed) : List.of(), p.baseVersion != paper.version,
                    name, pages);
        }
        PaperDraft draft = p.draft();
        Document proposedDocument = documentFor(currentText, draft);
        String proposed = proposedDocument.text();
        boolean textChanged = !sameVersion(currentText, proposedDocument, currentText.fileId);
        // A decided proposal is not compared with the paper as it is now: that would show a diff nobody proposed.
        return new ProposalView(p.id, paper.id, paper.title, name(p.proposer), p.status.name(), p.reason, p.createdAt,
                p.decision, pending ? paper.fields().changesTo(PaperFields.of(draft)) : List.of(),
                pending && textChanged, CanonicalText.length(current), CanonicalText.length(proposed),
                pending && textChanged ? LineDiff.of(current, proposed) : List.of(),
                pending && p.baseVersion != paper.version, null, 0);
    }
}
