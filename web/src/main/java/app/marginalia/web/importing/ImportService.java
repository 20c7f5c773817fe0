package app.marginalia.web.importing;

import app.marginalia.core.importing.ArxivId;
import app.marginalia.core.importing.BibtexImport;
import app.marginalia.core.importing.Doi;
import app.marginalia.core.importing.ImportProblem;
import app.marginalia.core.importing.ImportedPaper;
import app.marginalia.core.paper.FieldProblem;
import app.marginalia.core.paper.Fingerprint;
import app.marginalia.core.system.RateLimiter;
import app.marginalia.web.paper.PaperService;
import app.marginalia.web.paper.PaperSummary;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import app.marginalia.web.system.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Imports by arXiv id, by DOI and from BibTeX files, and fetching a paper's full text. Network
 * calls happen outside any transaction; each paper is then written in a transaction of its
 * own ({@link ImportedPapers}), like the seed import, so one failure loses only itself.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    /** A single import: the paper created, or the library's papers it duplicates. */
    public record Single(Long createdId, List<PaperSummary> duplicates, ImportedPaper imported, String pdfNote) {
    }

    /** What a BibTeX file did; see the report page. */
    public record Report(int entries, List<CreatedRow> created, List<BibtexImport.Problem> bad,
                         List<DuplicateRow> duplicates) {
    }

    public record CreatedRow(int line, String key, long id, String title) {
    }

    /** An entry already in the library, or given twice in the file ({@code sameAsLine}). */
    public record DuplicateRow(int line, String key, String title, String arxivId, String doi,
                               List<PaperSummary> matches, Integer sameAsLine) {
    }

    private final RemoteSources remote;
    private final ImportedPapers imported;
    private final FullTextAttachment fullText;
    private final PaperService papers;
    private final RateLimiter limiter = new RateLimiter(Clock.systemUTC());
    private final RateLimiter.Limit perAccount;

    ImportService(RemoteSources remote, ImportedPapers imported, FullTextAttachment fullText, PaperService papers,
                  ImportConfig config) {
        this.remote = remote;
        this.imported = imported;
        this.fullText = fullText;
        this.papers = papers;
        this.perAccount = new RateLimiter.Limit(config.perAccount(), config.window());
    }

    /**
     * Imports a paper by arXiv id: its metadata, then its PDF. A paper the library already has
     * (by id, DOI, title or abstract) is offered instead, and arXiv is not asked at all when
     * the id is already known. A PDF that cannot be fetched leaves the paper with its abstract.
     */
    public Single arxiv(String input, SignedIn user) {
        ArxivId id = ArxivId.parse(input);
        Optional<PaperSummary> known = imported.withArxivId(id);
        if (known.isPresent()) {
            return new Single(null, List.of(known.get()), null, null);
        }
        count(user);
        ImportedPaper paper = remote.arxiv(id);
        ImportedPapers.Outcome outcome = imported.create(paper, "arXiv import by " + user.displayName(), user);
        if (outcome instanceof ImportedPapers.Duplicate d) {
            return new Single(null, d.matches(), paper, null);
        }
        long createdId = ((ImportedPapers.Created) outcome).id();
        return new Single(createdId, List.of(), paper, attachArxivPdf(createdId, id, user).orElse(null));
    }

    /** Imports a paper by DOI from its CSL-JSON record; a PDF only when the record names an open one. */
    public Single doi(String input, SignedIn user) {
        Doi doi = Doi.parse(input);
        Optional<PaperSummary> known = imported.withDoi(doi);
        if (known.isPresent()) {
            return new Single(null, List.of(known.get()), null, null);
        }
        count(user);
        ImportedPaper paper = remote.doi(doi);
        ImportedPapers.Outcome outcome = imported.create(paper, "DOI import by " + user.displayName(), user);
        if (outcome instanceof ImportedPapers.Duplicate d) {
            return new Single(null, d.matches(), paper, null);
        }
        long createdId = ((ImportedPapers.Created) outcome).id();
        String note = paper.pdfUrl() == null ? "The DOI's record names no open PDF, so the paper has its abstract only."
                : attach(createdId, () -> remote.pdf(paper.pdfUrl()), "doi.pdf", user).orElse(null);
        return new Single(createdId, List.of(), paper, note);
    }

    /**
     * Creates every good entry that is not in the library yet, each in its own transaction, and
     * reports the rest: bad entries by line, duplicates with the papers they match.
     */
    public Report bibtex(byte[] file, SignedIn user) {
        BibtexImport.Result result = BibtexImport.parse(file);
        count(user);
        String origin = "BibTeX import by " + user.displayName();
        List<CreatedRow> created = new ArrayList<>();
        List<BibtexImport.Problem> bad = new ArrayList<>(result.problems());
        List<DuplicateRow> duplicates = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (BibtexImport.Entry entry : result.entries()) {
            ImportedPaper paper = entry.paper();
            Integer sameAs = keys(paper).stream().map(seen::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            keys(paper).forEach(k -> seen.putIfAbsent(k, entry.line()));
            try {
                ImportedPapers.Outcome outcome = imported.create(paper, origin, user);
                if (outcome instanceof ImportedPapers.Created c) {
                    created.add(new CreatedRow(entry.line(), entry.key(), c.id(), paper.title()));
                } else if (outcome instanceof ImportedPapers.Duplicate d) {
                    duplicates.add(duplicateRow(entry, d.matches(), sameAs));
                }
            } catch (InvalidFormException e) {
                bad.add(new BibtexImport.Problem(entry.line(), entry.key(), e.problems().stream()
                        .map(FieldProblem::message).collect(Collectors.joining(" "))));
            } catch (RuntimeException e) {
                // Another import saved the same paper at the same moment: the unique identifier refused this one.
                LOG.debugf(e, "BibTeX entry at line %d not saved", entry.line());
                List<PaperSummary> matches = imported.duplicates(paper);
                if (matches.isEmpty()) {
                    bad.add(new BibtexImport.Problem(entry.line(), entry.key(), "the paper could not be saved; try again"));
                } else {
                    duplicates.add(duplicateRow(entry, matches, sameAs));
                }
            }
        }
        bad.sort(java.util.Comparator.comparingInt(BibtexImport.Problem::line));
        return new Report(result.entries().size() + result.problems().size(), created, bad, duplicates);
    }

    /** Records an entry against a paper already in the library (see {@link ImportedPapers#merge}). */
    public ImportedPapers.Merged merge(long paperId, String arxivId, String doi, String source, SignedIn user) {
        ArxivId id = arxivId == null || arxivId.isBlank() ? null : ArxivId.parse(arxivId);
        Doi d = doi == null || doi.isBlank() ? null : Doi.parse(doi);
        String label = switch (source == null ? "" : source) {
            case "arxiv" -> "arXiv import by ";
            case "doi" -> "DOI import by ";
            default -> "BibTeX import by ";
        };
        return imported.merge(paperId, id, d, label + user.displayName(), user.id());
    }

    /**
     * Fetches the full text of a paper already in the library, by arXiv id or DOI, and hands the
     * PDF to the PDF feature. Returns the message for the page.
     */
    public String fetchFull(long paperId, String source, SignedIn user) {
        papers.detail(paperId);
        String text = source == null ? "" : source.strip();
        if (text.isEmpty()) {
            throw new ImportProblem(ImportProblem.Kind.INVALID, "Enter the paper's arXiv id or DOI.");
        }
        boolean looksLikeDoi = text.contains("10.") && (text.toLowerCase(java.util.Locale.ROOT).contains("doi")
                || text.startsWith("10."));
        count(user);
        if (looksLikeDoi) {
            ImportedPaper record = remote.doi(Doi.parse(text));
            if (record.pdfUrl() == null) {
                return "No open PDF was found for DOI " + record.doi() + ". If you have the PDF, upload it instead.";
            }
            return attach(paperId, () -> remote.pdf(record.pdfUrl()), "doi.pdf", user).orElse("The full paper was added.");
        }
        ArxivId id = ArxivId.parse(text);
        return attachArxivPdf(paperId, id, user).orElse("The full paper was added from arXiv.");
    }

    private Optional<String> attachArxivPdf(long paperId, ArxivId id, SignedIn user) {
        return attach(paperId, () -> remote.arxivPdf(id), id.versioned().replace('/', '_') + ".pdf", user);
    }

    /** Downloads and attaches a PDF; empty when attached, else why not. Never fails the import. */
    private Optional<String> attach(long paperId, java.util.function.Supplier<byte[]> download, String name,
                                    SignedIn user) {
        byte[] pdf;
        try {
            pdf = download.get();
        } catch (Unreachable | ImportProblem | RemoteSources.NotFound e) {
            String why = e instanceof RemoteSources.NotFound ? "it is not there" : e.getMessage();
            return Optional.of("The PDF could not be fetched (" + why + "), so the paper has its abstract only. "
                    + "You can upload the PDF from the paper's page.");
        }
        return fullText.attachPdf(paperId, pdf, name, user);
    }

    /** Keys under which two entries of one file are the same paper. */
    private static List<String> keys(ImportedPaper paper) {
        List<String> keys = new ArrayList<>();
        if (paper.arxivId() != null) {
            keys.add("arxiv:" + paper.arxivId().id());
        }
        if (paper.doi() != null) {
            keys.add("doi:" + paper.doi().value());
        }
        keys.add("title:" + Fingerprint.titleKey(paper.title()));
        return keys;
    }

    private static DuplicateRow duplicateRow(BibtexImport.Entry entry, List<PaperSummary> matches, Integer sameAs) {
        ImportedPaper p = entry.paper();
        return new DuplicateRow(entry.line(), entry.key(), p.title(), p.arxivId() == null ? "" : p.arxivId().id(),
                p.doi() == null ? "" : p.doi().value(), matches, sameAs);
    }

    private void count(SignedIn user) {
        RateLimiter.Decision decision = limiter.attempt("import:" + user.id(), perAccount);
        if (!decision.allowed()) {
            throw new TooManyRequestsException("You have imported many papers in a short time. Wait a while and try again.",
                    decision.retryAfterSeconds());
        }
    }
}
