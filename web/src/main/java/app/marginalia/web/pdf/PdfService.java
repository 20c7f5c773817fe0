package app.marginalia.web.pdf;

import app.marginalia.core.document.Document;
import app.marginalia.core.document.TextLayout;
import app.marginalia.core.group.Policy;
import app.marginalia.core.paper.CanonicalText;
import app.marginalia.core.paper.PaperDraft;
import app.marginalia.core.pdf.Extraction;
import app.marginalia.core.pdf.PdfExtractor;
import app.marginalia.core.pdf.PdfProblem;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperFile;
import app.marginalia.persistence.paper.PaperFileContent;
import app.marginalia.persistence.paper.PaperRevision;
import app.marginalia.persistence.paper.PaperText;
import app.marginalia.persistence.paper.PaperTextLayout;
import app.marginalia.persistence.paper.PdfUpload;
import app.marginalia.web.annotation.DiscussionView;
import app.marginalia.web.paper.PaperChangeService;
import app.marginalia.web.paper.PaperDetail;
import app.marginalia.web.paper.PaperService;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import org.hibernate.StaleStateException;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PDF papers: adding a paper from a PDF (upload, then confirm the proposed title and authors),
 * attaching a PDF to a paper as a new text version, and what the page view and the page images
 * read. A PDF's bytes are stored in the database in the transaction that creates the text version
 * extracted from it, so every instance sees it and nothing is half-saved.
 */
@ApplicationScoped
@Transactional(rollbackOn = PdfProblem.class)
public class PdfService {

    /** How long an upload waits for its confirmation. */
    static final Duration UPLOAD_TTL = Duration.ofHours(2);
    /** Uploads one account may have waiting; the oldest goes when a new one arrives. */
    static final int UPLOADS_PER_ACCOUNT = 3;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PaperService papers;
    private final PaperChangeService changes;

    private final PageCache cache;
    private final TransactionSynchronizationRegistry transactions;

    PdfService(PaperService papers, PaperChangeService changes, PageCache cache,
               TransactionSynchronizationRegistry transactions) {
        this.cache = cache;
        this.transactions = transactions;
        this.papers = papers;
        this.changes = changes;
    }

    /** An upload waiting for its confirmation, with what the PDF proposes. */
    public record Pending(String token, String fileName, int pageCount, String title, String authors,
                          String abstractText) {
    }

    /** The metadata the member confirms for a paper from a PDF. */
    public record Confirmation(String title, String authors, String date, String link, boolean duplicateConfirmed,
                               Long groupId) {
    }

    /** What attaching a PDF did, for the flash message. */
    public record Attached(boolean changed, int textVersion, int kept, int moved, int detached) {
    }

    // ---- Adding a paper from a PDF ----

    /** Reads an uploaded PDF and keeps it until its uploader confirms; a bad file is a {@link PdfProblem}. */
    public Pending upload(SignedIn user, String fileName, byte[] bytes) throws PdfProblem {
        Extraction extraction = PdfExtractor.extract(bytes);
        PdfUpload.deleteOlderThan(Instant.now().minus(UPLOAD_TTL));
        List<PdfUpload> mine = PdfUpload.ofAccountOldestFirst(user.id());
        for (int i = 0; i <= mine.size() - UPLOADS_PER_ACCOUNT; i++) {
            mine.get(i).delete();
        }
        PdfUpload upload = new PdfUpload();
        upload.token = token();
        upload.accountId = user.id();
        upload.fileName = safeFileName(fileName);
        upload.sha256 = PageCache.sha256(bytes);
        upload.sizeBytes = bytes.length;
        upload.content = bytes;
        upload.createdAt = Instant.now();
        upload.persist();
        return pending(upload, extraction);
    }

    /** The upload behind a confirmation form, as its uploader left it; 404 when gone or someone else's. */
    @Transactional(value = Transactional.TxType.SUPPORTS, rollbackOn = PdfProblem.class)
    public Pending pending(String token, SignedIn user) throws PdfProblem {
        PdfUpload upload = upload(token, user);
        return pending(upload, PdfExtractor.extract(upload.content));
    }

    /**
     * Creates the paper from a confirmed upload: its metadata as confirmed, the extracted document as
     * text version 1 with the file and its layout. A likely duplicate is refused unless confirmed.
     */
    public long confirm(String token, SignedIn user, Confirmation form) throws PdfProblem {
        PdfUpload upload = upload(token, user);
        Extraction extraction = PdfExtractor.extract(upload.content);
        Document document = extraction.document();
        long id = papers.add(draft(form, document), document,
                (paperId, now) -> storeFile(paperId, upload.fileName, upload.content, extraction.pageCount(), user.id(),
                        now).id,
                extraction.layout(), "Added by " + user.displayName() + " from a PDF", form.duplicateConfirmed(), user,
                form.groupId());
        upload.delete();
        return id;
    }

    /** The draft a confirmation makes: the form's metadata, the abstract (or, lacking one, the text) from the PDF. */
    private static PaperDraft draft(Confirmation form, Document document) {
        String abstractText = document.abstractText();
        return new PaperDraft(form.title(), form.authors(), abstractText,
                abstractText.isEmpty() ? document.text() : "", form.date(), form.link());
    }

    // ---- Attaching a PDF to a paper ----

    /**
     * Makes the PDF the paper's new text version, re-anchoring every note, for those who may edit
     * the paper directly. Members who may only propose changes are refused (403) with what to do.
     */
    public Attached attach(long paperId, SignedIn user, String fileName, byte[] bytes) throws PdfProblem {
        requireEdit(paperId, user);
        Extraction extraction = PdfExtractor.extract(bytes);
        try {
            Paper paper = Paper.findForUpdate(paperId).orElseThrow(() -> new NotFoundException("No such paper."));
            String sha = PageCache.sha256(bytes);
            PaperText current = PaperText.findVersion(paperId, paper.textVersion).orElseThrow();
            if (current.fileId != null && PaperFile.<PaperFile>findByIdOptional(current.fileId)
                    .map(f -> f.sha256.equals(sha)).orElse(false)) {
                return new Attached(false, paper.textVersion, 0, 0, 0);
            }
            PaperFile file = storeFile(paperId, safeFileName(fileName), bytes, extraction.pageCount(), user.id(),
                    Instant.now());
            PaperChangeService.Applied applied = changes.applyDocument(paper, paper.fields(), extraction.document(),
                    file.id, extraction.layout(), user.id(), PaperRevision.Kind.EDIT, null,
                    "Attached the PDF " + file.fileName + ".");
            Paper.flush();
            return new Attached(applied.changed(), applied.textVersion(), applied.notes().kept(),
                    applied.notes().moved(), applied.notes().detached());
        } catch (OptimisticLockException | PessimisticLockException | LockTimeoutException | StaleStateException e) {
            throw new app.marginalia.web.paper.PaperConflictException(
                    "Someone changed this paper at the same moment. Reload it and attach the PDF again.");
        }
    }

    /**
     * Proposes the PDF as the paper's next text version, for members who may only propose changes:
     * the file is read (a bad one is a {@link PdfProblem}, nothing stored), then stored without
     * becoming current, and a pending proposal names it for an administrator. Empty when the PDF is
     * already the paper's text (nothing is proposed then).
     */
    public Optional<Long> propose(long paperId, SignedIn user, String fileName, byte[] bytes, Long expectedVersion,
                                  String reason) throws PdfProblem {
        if (changes.access(paperId, user) != Policy.PaperChange.PROPOSE) {
            throw new ForbiddenException("You cannot change this paper.");
        }
        Extraction extraction = PdfExtractor.extract(bytes);
        Paper paper = Paper.<Paper>findByIdOptional(paperId).orElseThrow(() -> new NotFoundException("No such paper."));
        String why = changes.requireFileProposal(paper, user, expectedVersion, reason);
        String sha = PageCache.sha256(bytes);
        PaperText current = PaperText.findVersion(paperId, paper.textVersion).orElseThrow();
        if (current.fileId != null && PaperFile.<PaperFile>findByIdOptional(current.fileId)
                .map(f -> f.sha256.equals(sha)).orElse(false)) {
            return Optional.empty();
        }
        PaperFile file = storeFile(paperId, safeFileName(fileName), bytes, extraction.pageCount(), user.id(),
                Instant.now());
        return Optional.of(changes.proposeFile(paper, user, file.id, why).id);
    }

    /** How the person may give the paper a new text from a PDF: EDIT attaches, PROPOSE proposes; 403 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Policy.PaperChange attachAccess(long paperId, SignedIn user) {
        Policy.PaperChange access = changes.access(paperId, user);
        if (access == Policy.PaperChange.NONE) {
            throw new ForbiddenException("You cannot change this paper.");
        }
        return access;
    }

    /** 404 for no paper; 403, saying what to do instead, for anyone who may not edit it directly. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireEdit(long paperId, SignedIn user) {
        Policy.PaperChange access = changes.access(paperId, user);
        if (access == Policy.PaperChange.PROPOSE) {
            throw new ForbiddenException("Other groups or people depend on this paper, so only an administrator "
                    + "can give it a new text directly. Propose the PDF from “Add the full paper” with a reason, and "
                    + "an administrator will review it.");
        }
        if (access != Policy.PaperChange.EDIT) {
            throw new ForbiddenException("You cannot change this paper.");
        }
    }

    /** The paper an attach form names, and whether it already has a PDF (the form then replaces it). */
    public record AttachTarget(String title, boolean hasFile, long version) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AttachTarget attachTarget(long paperId) {
        Paper paper = Paper.<Paper>findByIdOptional(paperId).orElseThrow(() -> new NotFoundException("No such paper."));
        boolean hasFile = PaperText.findVersion(paperId, paper.textVersion).map(t -> t.fileId != null).orElse(false);
        return new AttachTarget(paper.title, hasFile, paper.version);
    }

    // ---- Reading ----

    /** The paper's PDF for the reader: only whether there is one, or (paged) every page laid out for this viewer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PdfView view(PaperDetail detail, DiscussionView discussion, boolean paged) {
        long paperId = detail.paper().id();
        // The text view of a paper without a PDF costs no statement: the detail already names the file.
        Long fileId = detail.text().fileId();
        Optional<PaperFile> file = fileId == null ? Optional.empty() : PaperFile.<PaperFile>findByIdOptional(fileId);
        if (file.isEmpty()) {
            if (paged) {
                throw new NotFoundException("This paper has no PDF.");
            }
            return PdfView.none(paperId);
        }
        PaperFile f = file.get();
        if (!paged) {
            return new PdfView(paperId, true, false, f.fileName, f.pageCount, null, List.of());
        }
        Optional<PaperText> text = PaperText.findVersion(paperId, detail.text().version());
        TextLayout layout = text.flatMap(t -> PaperTextLayout.<PaperTextLayout>findByIdOptional(t.id))
                .map(l -> TextLayout.decode(l.layout)).orElse(new TextLayout(List.of(), List.of()));
        return PageLayout.view(paperId, f, detail.text().content(), layout, discussion);
    }

    /**
     * A file of the paper by its hash, as page image URLs name it; 404 when no text version of the
     * paper was made from such a file (a PDF still waiting in a proposal is not the paper's yet).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PaperFile file(long paperId, String sha256) {
        return PaperFile.ofTextVersion(paperId, sha256).orElseThrow(() -> new NotFoundException("No such file."));
    }

    /** The file of the paper's current text version; 404 when it has none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PaperFile currentFile(long paperId) {
        Paper paper = Paper.<Paper>findByIdOptional(paperId).orElseThrow(() -> new NotFoundException("No such paper."));
        return PaperText.findVersion(paperId, paper.textVersion).map(t -> t.fileId)
                .flatMap(fileId -> PaperFile.<PaperFile>findByIdOptional(fileId))
                .orElseThrow(() -> new NotFoundException("This paper has no PDF."));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] content(long fileId) {
        return PaperFileContent.<PaperFileContent>findByIdOptional(fileId).orElseThrow().content;
    }

    // ---- Helpers ----

    private PaperFile storeFile(long paperId, String fileName, byte[] bytes, int pageCount, long userId,
                                       Instant now) {
        PaperFile file = new PaperFile();
        file.paperId = paperId;
        file.sha256 = PageCache.sha256(bytes);
        file.mediaType = "application/pdf";
        file.fileName = fileName;
        file.sizeBytes = bytes.length;
        file.pageCount = pageCount;
        file.addedBy = userId;
        file.createdAt = now;
        file.persist();
        PaperFileContent content = new PaperFileContent();
        content.fileId = file.id;
        content.content = bytes;
        content.persist();
        String sha = file.sha256;
        AfterCommit.run(transactions, () -> cache.warm(sha, bytes));
        return file;
    }

    private static PdfUpload upload(String token, SignedIn user) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,64}")) {
            throw new NotFoundException("This upload is gone.");
        }
        return PdfUpload.findOf(token, user.id(), Instant.now().minus(UPLOAD_TTL))
                .orElseThrow(() -> new NotFoundException("This upload has expired. Upload the PDF again."));
    }

    private static Pending pending(PdfUpload upload, Extraction extraction) {
        String title = CanonicalText.singleLine(extraction.title() == null ? "" : extraction.title());
        return new Pending(upload.token, upload.fileName, extraction.pageCount(), title,
                String.join("\n", extraction.authors()), extraction.document().abstractText());
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A file name safe to store and to send back in Content-Disposition: its last path segment,
     * control characters and quotes removed, at most 200 characters, ending in .pdf.
     */
    public static String safeFileName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}\"<>:*?|;]", "").strip();
        if (base.length() > 200) {
            base = base.substring(0, 200);
        }
        if (base.isEmpty() || base.startsWith(".")) {
            base = "paper" + base;
        }
        return base.toLowerCase(Locale.ROOT).endsWith(".pdf") ? base : base + ".pdf";
    }
}
