package app.marginalia.persistence.search;

import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.automaton.CompiledAutomaton;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A word with typos, matching exactly what {@code new FuzzyQuery(term, edits, PREFIX, expansions,
 * true)} matches, with the same weights: the terms within {@code edits} edits (a transposition is
 * one) that share the word's first {@value #PREFIX} characters, each weighted by its similarity
 * {@code 1 - edits / min(length)}, the best {@code expansions} of them, scored with blended
 * frequencies.
 * <p>
 * The difference is where the Levenshtein automata come from: FuzzyQuery builds them for every
 * field it is asked about, and building them (for two edits above all) is most of the cost of a
 * search with typos. Here they are built once per word for a whole search ({@link Automata}) and
 * shared by every field.
 */
final class TypoQuery extends MultiTermQuery {

    /** Characters at the start of a word that a typo never changes. */
    static final int PREFIX = 2;

    private final Term term;
    private final Automata.Word word;

    TypoQuery(Term term, Automata.Word word, int expansions) {
        super(term.field(), new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(expansions));
        this.term = term;
        this.word = word;
    }

    /**
     * The automata of each word of one search, built on first use: for word {@code w} with
     * {@code n} edits, one automaton for each of 1 to {@code n} edits. Not for use by several
     * threads at once.
     */
    static final class Automata {
        private final Map<String, Word> words = new HashMap<>();

        Word of(String token, int edits) {
            return words.computeIfAbsent(token + "\u0000" + edits, k -> new Word(token, edits));
        }

        /** A word's automata; {@code within[k]} accepts terms within k edits (k from 1). */
        static final class Word {
            final String token;
            final BytesRef bytes;
            final int length;
            final CompiledAutomaton[] within;

            private Word(String token, int edits) {
                this.token = token;
                this.bytes = new BytesRef(token);
                this.length = token.codePointCount(0, token.length());
                this.within = new CompiledAutomaton[edits + 1];
                for (int k = 1; k <= edits; k++) {
                    within[k] = FuzzyQuery.getFuzzyAutomaton(token, k, PREFIX, true);
                }
            }

            int edits() {
                return within.length - 1;
            }
        }
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
        return new Similar(word.within[word.edits()].getTermsEnum(terms), word);
    }

    /** The terms the widest automaton accepts, each with its boost (its similarity to the word). */
    private static final class Similar extends FilteredTermsEnum {
        private final Automata.Word word;
        private final BoostAttribute boost;

        Similar(TermsEnum accepted, Automata.Word word) {
            super(accepted, false);
            this.word = word;
            this.boost = attributes().addAttribute(BoostAttribute.class);
        }

        @Override
        protected AcceptStatus accept(BytesRef candidate) {
            int edits = word.edits();
            while (edits > 0 && within(candidate, edits - 1)) {
                edits--;
            }
            if (edits == 0) {
                boost.setBoost(1f);
            } else {
                int shorter = Math.min(UnicodeUtil.codePointCount(candidate), word.length);
                boost.setBoost(1f - (float) edits / (float) shorter);
            }
            return AcceptStatus.YES;
        }

        private boolean within(BytesRef candidate, int edits) {
            return edits == 0 ? candidate.equals(word.bytes)
                    : word.within[edits].runAutomaton.run(candidate.bytes, candidate.offset, candidate.length);
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.consumeTermsMatching(this, field, () -> word.within[word.edits()].runAutomaton);
        }
    }

    @Override
    public String toString(String field) {
        return (this.field.equals(field) ? "" : this.field + ":") + term.text() + "~" + word.edits();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TypoQuery t && t.term.equals(term) && t.word.edits() == word.edits()
                && t.getRewriteMethod().equals(getRewriteMethod());
    }

    @Override
    public int hashCode() {
        return Objects.hash(term, word.edits());
    }
}
