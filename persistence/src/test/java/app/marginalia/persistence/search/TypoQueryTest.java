package app.marginalia.persistence.search;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TypoQuery finds and weighs exactly what FuzzyQuery does, with automata shared between fields. */
class TypoQueryTest {

    private static final String[] BASES = {"model", "reward", "induction", "distillation", "compression", "attention",
            "schrödinger", "naïve", "tampering", "gradient", "superposition", "heads"};
    private static Directory directory;
    private static DirectoryReader reader;
    private static IndexSearcher searcher;
    private static final List<String> VOCABULARY = new ArrayList<>();

    @BeforeAll
    static void index() throws IOException {
        Random random = new Random(3);
        for (String base : BASES) {
            VOCABULARY.add(base);
            // Many one- and two-edit neighbours, more than the 20 expansions kept, and some that
            // differ in the first two characters (never matched).
            for (int i = 0; i < 40; i++) {
                VOCABULARY.add(mutate(mutate(base, random), random));
                VOCABULARY.add(mutate(base, random));
            }
        }
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int d = 0; d < 3000; d++) {
                Document doc = new Document();
                for (String field : List.of("body", "quote")) {
                    StringBuilder text = new StringBuilder();
                    for (int w = 0; w < 1 + random.nextInt(12); w++) {
                        text.append(VOCABULARY.get(random.nextInt(VOCABULARY.size()))).append(' ');
                    }
                    doc.add(new TextField(field, text.toString(), Field.Store.NO));
                }
                writer.addDocument(doc);
                if (d % 700 == 0) {
                    writer.commit(); // several segments: automata are shared between them too
                }
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        assertTrue(reader.leaves().size() > 1);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void sameTermsWeightsAndScoresAsFuzzyQuery() throws IOException {
        Random random = new Random(11);
        List<String> words = new ArrayList<>(List.of(BASES));
        for (int i = 0; i < 60; i++) {
            words.add(mutate(BASES[random.nextInt(BASES.length)], random));
        }
        words.add("zzzzqqq");
        int expanded = 0;
        for (int edits = 1; edits <= 2; edits++) {
            TypoQuery.Automata automata = new TypoQuery.Automata();
            for (String word : words) {
                for (String field : List.of("body", "quote")) {
                    Query fuzzy = new FuzzyQuery(new Term(field, word), edits, TypoQuery.PREFIX, 20, true);
                    Query typo = new TypoQuery(new Term(field, word), automata.of(word, edits), 20);
                    Query fuzzyRewritten = searcher.rewrite(fuzzy);
                    String what = word + " within " + edits + " in " + field;
                    assertEquals(fuzzyRewritten.toString(), searcher.rewrite(typo).toString(), what);
                    TopDocs a = searcher.search(fuzzy, 50);
                    TopDocs b = searcher.search(typo, 50);
                    assertEquals(a.totalHits, b.totalHits, what);
                    for (int i = 0; i < a.scoreDocs.length; i++) {
                        ScoreDoc x = a.scoreDocs[i];
                        ScoreDoc y = b.scoreDocs[i];
                        assertEquals(x.doc, y.doc, what);
                        assertEquals(x.score, y.score, 0f, what);
                    }
                    expanded += a.totalHits.value > 0 ? 1 : 0;
                }
            }
        }
        assertTrue(expanded > 100, "the words tried must match something: " + expanded);
    }

    @Test
    void automataAreBuiltOncePerWordAndEdits() {
        TypoQuery.Automata automata = new TypoQuery.Automata();
        assertTrue(automata.of("reward", 1) == automata.of("reward", 1));
        assertEquals(2, automata.of("distillation", 2).edits());
        assertTrue(automata.of("reward", 1) != automata.of("reward", 2));
    }

    /** One random edit: a substitution, insertion, deletion or transposition. */
    private static String mutate(String word, Random random) {
        StringBuilder b = new StringBuilder(word);
        int at = random.nextInt(word.length());
        char c = (char) ('a' + random.nextInt(26));
        switch (random.nextInt(4)) {
            case 0 -> b.setCharAt(at, c);
            case 1 -> b.insert(at, c);
            case 2 -> {
                if (b.length() > 3) {
                    b.deleteCharAt(at);
                }
            }
            default -> {
                if (at + 1 < b.length()) {
                    char t = b.charAt(at);
                    b.setCharAt(at, b.charAt(at + 1));
                    b.setCharAt(at + 1, t);
                }
            }
        }
        return b.toString();
    }
}
