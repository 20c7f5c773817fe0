package app.marginalia.core.importing;

import app.marginalia.core.paper.PartialDate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arXiv API's answer: an Atom feed whose entries carry arXiv's own elements (DOI, journal
 * reference, primary category) in the arxiv namespace. Elements are found by namespace and
 * local name, never by prefix, since the feed may bind any prefix. The parser reads no DTD and
 * resolves no external entity (XXE): the feed comes from the network.
 */
public record ArxivFeed(List<Entry> entries) {

    public static final String ATOM = "http://www.w3.org/2005/Atom";
    public static final String ARXIV = "http://arxiv.org/schemas/atom";

    /** One entry of the feed; for a bad id, arXiv sends a single entry titled "Error". */
    public record Entry(String idUrl, String title, List<String> authors, String summary, LocalDate published,
                        List<String> categories, String doi, String journalRef, List<Link> links) {

        public boolean isError() {
            return "Error".equals(title) || idUrl != null && idUrl.contains("/api/errors");
        }

        /** The arXiv id in the entry's {@code <id>} address, when it names one. */
        public Optional<ArxivId> arxivId() {
            return ArxivId.find(idUrl);
        }
    }

    /** An Atom link: the abstract page ({@code alternate}), the PDF ({@code title="pdf"}), a DOI. */
    public record Link(String rel, String type, String title, String href) {
    }

    public ArxivFeed {
        entries = List.copyOf(entries);
    }

    /** Reads the feed; an answer that is not an Atom feed is UNREADABLE. */
    public static ArxivFeed parse(InputStream in) {
        Document document;
        try {
            document = builder().parse(in);
        } catch (SAXException | IOException e) {
            throw new ImportProblem(ImportProblem.Kind.UNREADABLE, "arXiv's answer could not be read as a feed.");
        }
        Element feed = document.getDocumentElement();
        if (!ATOM.equals(feed.getNamespaceURI()) || !"feed".equals(feed.getLocalName())) {
            throw new ImportProblem(ImportProblem.Kind.UNREADABLE, "arXiv's answer is not an Atom feed.");
        }
        List<Entry> entries = new ArrayList<>();
        for (Element e : children(feed, ATOM, "entry")) {
            entries.add(entry(e));
        }
        return new ArxivFeed(entries);
    }

    /**
     * The paper the feed gives for {@code requested}. An "Error" entry, no entry, or an entry
     * for another paper all mean arXiv has no such paper: NOT_FOUND, naming the id.
     */
    public ImportedPaper paper(ArxivId requested) {
        String missing = "arXiv has no paper with id " + requested.versioned() + ". Check the id on arxiv.org.";
        Entry entry = entries.stream().filter(e -> !e.isError())
                .filter(e -> e.arxivId().map(id -> id.id().equals(requested.id())).orElse(false))
                .findFirst()
                .orElseThrow(() -> new ImportProblem(ImportProblem.Kind.NOT_FOUND, missing));
        if (entry.title().isEmpty()) {
            throw new ImportProblem(ImportProblem.Kind.NOT_FOUND, missing);
        }
        Doi doi = null;
        if (entry.doi() != null) {
            try {
                doi = Doi.parse(entry.doi());
            } catch (ImportProblem ignored) {
                // arXiv lets authors type their DOI; an unusable one is left out, not a failure.
            }
        }
        String pdf = entry.links().stream().filter(l -> "pdf".equals(l.title()) || "application/pdf".equals(l.type()))
                .map(Link::href).findFirst().orElse(null);
        return new ImportedPaper(entry.title(), entry.authors(), entry.summary(),
                entry.published() == null ? null : new PartialDate(entry.published().getYear(),
                        entry.published().getMonthValue(), entry.published().getDayOfMonth()),
                requested.absUrl(), new ArxivId(requested.id(), requested.version()), doi, entry.journalRef(),
                entry.categories(), pdf);
    }

    private static Entry entry(Element e) {
        List<String> authors = new ArrayList<>();
        for (Element author : children(e, ATOM, "author")) {
            String name = text(author, ATOM, "name");
            if (!name.isEmpty()) {
                authors.add(name);
            }
        }
        List<String> categories = new ArrayList<>();
        String primary = children(e, ARXIV, "primary_category").stream().map(c -> c.getAttribute("term"))
                .findFirst().orElse("");
        if (!primary.isEmpty()) {
            categories.add(primary);
        }
        for (Element c : children(e, ATOM, "category")) {
            String term = c.getAttribute("term");
            if (!term.isEmpty() && !categories.contains(term)) {
                categories.add(term);
            }
        }
        List<Link> links = children(e, ATOM, "link").stream()
                .map(l -> new Link(l.getAttribute("rel"), l.getAttribute("type"), l.getAttribute("title"),
                        l.getAttribute("href")))
                .toList();
        String doi = text(e, ARXIV, "doi");
        String journal = text(e, ARXIV, "journal_ref");
        return new Entry(text(e, ATOM, "id"), text(e, ATOM, "title"), authors, text(e, ATOM, "summary"),
                date(text(e, ATOM, "published")), categories, doi.isEmpty() ? null : doi,
                journal.isEmpty() ? null : journal, links);
    }

    private static LocalDate date(String text) {
        try {
            return text.isEmpty() ? null : OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An element's text with arXiv's hard line wrapping undone: runs of white space become one space. */
    private static String text(Element parent, String namespace, String name) {
        return children(parent, namespace, name).stream().findFirst()
                .map(c -> c.getTextContent().replaceAll("\\s+", " ").strip()).orElse("");
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element child && namespace.equals(child.getNamespaceURI())
                    && name.equals(child.getLocalName())) {
                found.add(child);
            }
        }
        return found;
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required safety feature", e);
        }
    }
}
