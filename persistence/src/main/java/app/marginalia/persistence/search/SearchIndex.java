package app.marginalia.persistence.search;

import app.marginalia.core.search.SearchQuery;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The full-text index of papers and notes (Apache Lucene, BM25). Papers are found by title,
 * authors and text; notes by their text, the passage they quote, their tags and their author.
 * Each word of a query must match somewhere: exactly (full weight) or as a prefix (less); when
 * that finds nothing, words may also match with a small typo; phrases match in order; excluded words and phrases must not match.
 * A note carries who may see it ({@code vis}: {@code g:<group>} or {@code u:<author>} for a
 * private note) and every note search is filtered to the searcher's own set, so nothing they
 * could not open is ever counted or returned. Snippets are HTML-escaped, with matches in
 * {@code <mark>}.
 */
public final class SearchIndex implements AutoCloseable {

    /** A paper as the index keeps it. */
    public record PaperDoc(long id, String title, String authors, String text, Instant updatedAt) {
    }

    /**
     * A note as the index keeps it. {@code kind} is its thread's kind ({@code ThreadKind.term()}:
     * question, note, highlight) for a root, reply for a reply; {@code state} is the thread's
     * ({@code ThreadState.term()}: open, answered, unresolved, resolved, none, gone).
     */
    public record NoteDoc(long id, long threadId, long paperId, String paperTitle, Long groupId, String groupName,
                          long authorId, String authorName, String authorUsername, String kind, String state,
                          String body, String quote, List<String> tags, Instant createdAt) {
    }

    /** One result, with stored values and highlighted snippets (HTML, escaped). */
    public record Hit(String type, long id, float score, Map<String, String> values, Map<String, String> snippets) {
    }

    /** A page of results and how many there are in all. */
    public record Results(long total, List<Hit> hits) {
    }

    /** Limits that keep one query cheap: prefix and typo expansions. */
    static final int MIN_PREFIX = 3, MIN_FUZZY = 4, MAX_EXPANSIONS = 20, MAX_FUZZY_WORDS = 6;

    private static final Map<String, Float> PAPER_FIELDS = Map.of("title", 3f, "authors", 2f, "text", 1f);
    private static final Map<String, Float> NOTE_FIELDS = Map.of("body", 2f, "quote", 1f, "tagtext", 2f, "author", 1.5f);

    private final Directory directory;
    private final Analyzer analyzer = new FoldingAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Snippets snippets = new Snippets(analyzer);

    /** Filters-only searches list the newest first. */
    private static final Sort NEWEST = new Sort(new SortField("time", SortField.Type.LONG, true));

    /** How long a snippet of a note or a paper's text is, in characters. */
    static final int SNIPPET_LENGTH = 240;

    private SearchIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = new SearcherManager(writer, null);
    }

    /** The index in a folder, created if missing. */
    public static SearchIndex open(Path folder) {
        try {
            return new SearchIndex(FSDirectory.open(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index at " + folder, e);
        }
    }

    /** An index in memory, for benchmarks and tests. */
    public static SearchIndex inMemory() {
        try {
            return new SearchIndex(new ByteBuffersDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Writing ----

    public void put(PaperDoc p) {
        Document doc = new Document();
        doc.add(new StringField("key", "paper:" + p.id(), Field.Store.NO));
        doc.add(new StringField("type", "paper", Field.Store.NO));
        doc.add(new StoredField("id", p.id()));
        doc.add(new StringField("paperid", String.valueOf(p.id()), Field.Store.NO));
        doc.add(new TextField("title", nz(p.title()), Field.Store.YES));
        doc.add(new TextField("authors", nz(p.authors()), Field.Store.YES));
        doc.add(new TextField("text", nz(p.text()), Field.Store.YES));
        doc.add(new NumericDocValuesField("time", p.updatedAt() == null ? 0 : p.updatedAt().toEpochMilli()));
        update("paper:" + p.id(), doc);
    }

    public void put(NoteDoc n) {
        Document doc = new Document();
        doc.add(new StringField("key", "note:" + n.id(), Field.Store.NO));
        doc.add(new StringField("type", "note", Field.Store.NO));
        doc.add(new StoredField("id", n.id()));
        doc.add(new StoredField("thread", n.threadId()));
        doc.add(new StringField("vis", n.groupId() == null ? "u:" + n.authorId() : "g:" + n.groupId(), Field.Store.NO));
        doc.add(new StringField("paperid", String.valueOf(n.paperId()), Field.Store.YES));
        doc.add(new TextField("paper", nz(n.paperTitle()), Field.Store.YES));
        if (n.groupId() != null) {
            doc.add(new StringField("groupid", String.valueOf(n.groupId()), Field.Store.YES));
            doc.add(new TextField("group", nz(n.groupName()), Field.Store.YES));
        }
        doc.add(new StringField("authorkey", nz(n.authorUsername()).toLowerCase(Locale.ROOT), Field.Store.YES));
        doc.add(new TextField("author", nz(n.authorName()) + " " + nz(n.authorUsername()), Field.Store.NO));
        doc.add(new StoredField("authorname", nz(n.authorName())));
        doc.add(new StringField("kind", n.kind(), Field.Store.YES));
        doc.add(new StringField("state", n.state(), Field.Store.YES));
        doc.add(new TextField("body", nz(n.body()), Field.Store.YES));
        doc.add(new TextField("quote", nz(n.quote()), Field.Store.YES));
        for (String tag : n.tags()) {
            doc.add(new StringField("tag", tag.toLowerCase(Locale.ROOT), Field.Store.YES));
            doc.add(new TextField("tagtext", tag, Field.Store.NO));
        }
        doc.add(new NumericDocValuesField("time", n.createdAt() == null ? 0 : n.createdAt().toEpochMilli()));
        update("note:" + n.id(), doc);
    }

    public void deleteNote(long id) {
        delete(new Term("key", "note:" + id));
    }

    public void deletePaper(long id) {
        delete(new Term("key", "paper:" + id));
    }

    /** Removes a deleted group's notes. */
    public void deleteGroup(long groupId) {
        delete(new Term("vis", "g:" + groupId));
    }

    /** Empties the index, for a rebuild. */
    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was written durable, with a few facts about it, and visible to searches. */
    public void commit(Map<String, String> facts) {
        try {
            writer.setLiveCommitData(facts.entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was written visible to searches without the cost of a durable commit. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The facts stored with the last commit (empty for a new index). */
    public Map<String, String> facts() {
        Map<String, String> facts = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> facts.put(e.getKey(), e.getValue()));
        }
        return facts;
    }

    /** How many papers or notes the index holds. */
    public long count(String type) {
        return withSearcher(s -> (long) s.count(new TermQuery(new Term("type", type))));
    }

    // ---- Searching ----

    public Results papers(SearchQuery query, int offset, int limit) {
        if (query.notesOnly()) {
            return new Results(0, List.of());
        }
        return withSearcher(searcher -> {
            Results exact = papers(searcher, query, offset, limit, null);
            return exact.total() > 0 || query.filtersOnly() ? exact
                    : orElse(exact, () -> papers(searcher, query, offset, limit, new TypoQuery.Automata()));
        });
    }

    private Results papers(IndexSearcher searcher, SearchQuery query, int offset, int limit,
                           TypoQuery.Automata typos) throws IOException {
        BooleanQuery.Builder b = base(searcher, query, "paper", PAPER_FIELDS, typos);
        for (String paper : query.papers()) {
            b.add(paperIs("title", paper), Occur.FILTER);
        }
        for (String paper : query.exclusions().papers()) {
            b.add(paperIs("title", paper), Occur.MUST_NOT);
        }
        return run(searcher, b.build(), query, offset, limit, List.of("title", "authors", "text"), "paper");
    }

    /** Notes visible through {@code visibility} (group and private keys): nobody else's ever count. */
    public Results notes(SearchQuery query, Collection<String> visibility, int offset, int limit) {
        if (visibility.isEmpty()) {
            return new Results(0, List.of());
        }
        return withSearcher(searcher -> {
            Results exact = notes(searcher, query, visibility, offset, limit, null);
            return exact.total() > 0 || query.filtersOnly() ? exact
                    : orElse(exact, () -> notes(searcher, query, visibility, offset, limit, new TypoQuery.Automata()));
        });
    }

    private Results notes(IndexSearcher searcher, SearchQuery query, Collection<String> visibility, int offset,
                          int limit, TypoQuery.Automata typos) throws IOException {
        BooleanQuery.Builder b = base(searcher, query, "note", NOTE_FIELDS, typos);
        b.add(new TermInSetQuery("vis", visibility.stream().map(BytesRef::new).toList()), Occur.FILTER);
        // Each filter, kept (FILTER) or left out (MUST_NOT): the same query either way, so -x leaves
        // out exactly what x keeps.
        noteFilters(b, query.filters(), Occur.FILTER);
        noteFilters(b, query.exclusions(), Occur.MUST_NOT);
        return run(searcher, b.build(), query, offset, limit, List.of("body", "quote"), "note");
    }

    private void noteFilters(BooleanQuery.Builder b, SearchQuery.Filters filters, Occur occur) {
        for (String tag : filters.tags()) {
            b.add(new TermQuery(new Term("tag", tag)), occur);
        }
        for (String author : filters.authors()) {
            b.add(orOf(new TermQuery(new Term("authorkey", author.toLowerCase(Locale.ROOT))), allWords("author", author)),
                    occur);
        }
        for (String group : filters.groups()) {
            b.add(orOf(new TermQuery(new Term("groupid", group)), phrase("group", group)), occur);
        }
        for (String paper : filters.papers()) {
            b.add(paperIs("paper", paper), occur);
        }
        for (SearchQuery.Is is : filters.is()) {
            b.add(new TermQuery(new Term(is.field(), is.term())), occur);
        }
    }

    /** A paper by id, or by the words of its title (in {@code titleField}). */
    private Query paperIs(String titleField, String paper) {
        return orOf(new TermQuery(new Term("paperid", paper)), allWords(titleField, paper));
    }

    private BooleanQuery.Builder base(IndexSearcher searcher, SearchQuery query, String type, Map<String, Float> fields,
                                      TypoQuery.Automata typos) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term("type", type)), Occur.FILTER);
        if (query.filtersOnly()) {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        boolean searched = false;
        int fuzzy = 0;
        for (String word : query.words()) {
            List<String> tokens = tokens(word);
            if (tokens.size() == 1) {
                // Typos for the first few words only: each adds expansions to the query.
                b.add(word(searcher, tokens.get(0), fields, typos != null && fuzzy++ < MAX_FUZZY_WORDS ? typos : null),
                        Occur.MUST);
            } else if (tokens.size() > 1) {
                b.add(phrase(tokens, fields), Occur.MUST);
            }
            searched |= !tokens.isEmpty();
        }
        for (String phrase : query.phrases()) {
            List<String> tokens = tokens(phrase);
            if (!tokens.isEmpty()) {
                b.add(phrase(tokens, fields), Occur.MUST);
                searched = true;
            }
        }
        if (!query.filtersOnly() && !searched) {
            // Only punctuation was typed: nothing to look for is not everything.
            b.add(new MatchNoDocsQuery(), Occur.MUST);
        }
        for (String excluded : query.excluded()) {
            List<String> tokens = tokens(excluded.replace("\"", ""));
            if (tokens.size() == 1) {
                fields.keySet().forEach(f -> b.add(new TermQuery(new Term(f, tokens.get(0))), Occur.MUST_NOT));
            } else if (tokens.size() > 1) {
                b.add(phrase(tokens, fields), Occur.MUST_NOT);
            }
        }
        return b;
    }

    /**
     * One word in any of the fields: exact, or, when the index does not know the word (someone
     * typed the start of one), as a prefix; with {@code typos}, also within one or two edits
     * (weighed less). Typos are only tried when the first search found nothing: fuzzy matching
     * is the expensive part of a query; its automata are built once per word and search
     * ({@link TypoQuery}).
     */
    private static Query word(IndexSearcher searcher, String token, Map<String, Float> fields,
                              TypoQuery.Automata typos) throws IOException {
        List<Query> alternatives = new ArrayList<>();
        for (Map.Entry<String, Float> e : fields.entrySet()) {
            String field = e.getKey();
            float boost = e.getValue();
            Term term = new Term(field, token);
            alternatives.add(new BoostQuery(new TermQuery(term), boost));
            if (token.length() >= MIN_PREFIX && searcher.getIndexReader().docFreq(term) == 0) {
                alternatives.add(new BoostQuery(new PrefixQuery(term), boost * 0.5f));
            }
            if (typos != null && token.length() >= MIN_FUZZY && !token.chars().allMatch(Character::isDigit)) {
                int edits = token.length() >= 10 ? 2 : 1;
                alternatives.add(new BoostQuery(new TypoQuery(term, typos.of(token, edits), MAX_EXPANSIONS), boost * 0.3f));
            }
        }
        return new DisjunctionMaxQuery(alternatives, 0.1f);
    }

    private static Query phrase(List<String> tokens, Map<String, Float> fields) {
        List<Query> alternatives = new ArrayList<>();
        fields.forEach((field, boost) -> alternatives.add(new BoostQuery(
                new PhraseQuery(field, tokens.toArray(String[]::new)), boost)));
        return new DisjunctionMaxQuery(alternatives, 0.1f);
    }

    private Query phrase(String field, String text) {
        List<String> tokens = tokens(text);
        return tokens.isEmpty() ? new MatchAllDocsQuery() : tokens.size() == 1 ? new TermQuery(new Term(field, tokens.get(0)))
                : new PhraseQuery(field, tokens.toArray(String[]::new));
    }

    private Query allWords(String field, String text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<String> tokens = tokens(text);
        if (tokens.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        tokens.forEach(t -> b.add(t.length() >= MIN_PREFIX ? new PrefixQuery(new Term(field, t))
                : new TermQuery(new Term(field, t)), Occur.MUST));
        return b.build();
    }

    private static Query orOf(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, Occur.SHOULD).add(b, Occur.SHOULD).setMinimumNumberShouldMatch(1).build();
    }

    private Results run(IndexSearcher searcher, Query query, SearchQuery parsed, int offset, int limit,
                        List<String> snippetFields, String type) throws IOException {
        int wanted = Math.max(offset + limit, 1);
        // Every match is counted in the same pass (no threshold): a page shows the exact total,
        // and counting in a second pass over the same postings cost more than it saved.
        TopDocs top = parsed.filtersOnly()
                ? searcher.search(query, new TopFieldCollectorManager(NEWEST, wanted, null, Integer.MAX_VALUE))
                : searcher.search(query, new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE));
        ScoreDoc[] docs = top.scoreDocs;
        Set<String> words = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        if (!parsed.filtersOnly()) {
            for (String word : parsed.words()) {
                List<String> tokens = tokens(word);
                words.addAll(tokens);
                if (tokens.size() == 1 && tokens.get(0).length() >= MIN_PREFIX) {
                    prefixes.add(tokens.get(0));
                }
            }
            parsed.phrases().forEach(p -> words.addAll(tokens(p)));
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = Math.min(offset, docs.length); i < docs.length; i++) {
            Document doc = searcher.storedFields().document(docs[i].doc);
            Map<String, String> values = new LinkedHashMap<>();
            doc.getFields().forEach(f -> {
                if (f.stringValue() != null) {
                    // Multi-valued fields (tags) come back joined by new lines.
                    values.merge(f.name(), f.stringValue(), (a, b) -> a + "\n" + b);
                } else if (f.numericValue() != null) {
                    values.putIfAbsent(f.name(), f.numericValue().toString());
                }
            });
            Map<String, String> marked = new LinkedHashMap<>();
            for (String field : snippetFields) {
                boolean whole = field.equals("title") || field.equals("authors");
                String s = snippets.mark(values.get(field), words, prefixes, whole ? 0 : SNIPPET_LENGTH);
                if (s != null) {
                    marked.put(field, s);
                }
            }
            hits.add(new Hit(type, Long.parseLong(values.get("id")), docs[i].score, values, marked));
        }
        long total = top.totalHits.value;
        return new Results(total, hits);
    }

    /** The typo pass, unless its expansions make the query too large: then no typo-tolerant results. */
    private static Results orElse(Results exact, SearcherCall<Results> typos) throws IOException {
        try {
            return typos.call();
        } catch (IndexSearcher.TooManyClauses tooLarge) {
            return exact;
        }
    }

    @FunctionalInterface
    private interface SearcherCall<T> {
        T call() throws IOException;
    }

    private <T> T withSearcher(SearcherFunction<T> work) {
        IndexSearcher searcher = null;
        try {
            searcher = searchers.acquire();
            return work.apply(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (searcher != null) {
                try {
                    searchers.release(searcher);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @FunctionalInterface
    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** The words of a text as the index stores them: lower case, accents folded. */
    List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private void update(String key, Document doc) {
        try {
            writer.updateDocument(new Term("key", key), doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(Term term) {
        try {
            writer.deleteDocuments(term);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * Closes the index dropping everything written since the last commit, as a killed process
     * would leave it (for tests of recovery).
     */
    public void abandon() {
        try {
            searchers.close();
            writer.rollback();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Standard tokenizer, lower case, accents folded to ASCII ("Schrödinger" finds "schrodinger"),
     * plurals folded ("heads" finds "head").
     */
    static final class FoldingAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new EnglishMinimalStemFilter(new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
