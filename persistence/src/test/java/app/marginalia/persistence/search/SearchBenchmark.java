package app.marginalia.persistence.search;

import app.marginalia.core.search.SearchQuery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Search latency at size: 10,000 papers and 100,000 notes in an on-disk index, the way the
 * application keeps it; a member of five groups runs a fixed set of queries (words, phrases,
 * prefixes, typos, exclusions, filters), each including the highlighted snippets of the first
 * page of papers and of notes. Prints p50 and p95 per query and over all of them.
 * Run with {@code scripts/bench-search.sh}.
 */
public final class SearchBenchmark {

    private static final String[] WORDS = ("model language reward training attention transformer gradient loss scaling "
            + "induction heads circuit feature sparse autoencoder alignment preference policy agent evaluation benchmark "
            + "dataset token embedding layer residual stream probe interpretability mechanism superposition neuron "
            + "sycophancy tampering specification gaming oversight constitution feedback human annotator label noise "
            + "robustness adversarial jailbreak refusal safety harmless helpful honest reasoning chain thought math "
            + "code retrieval memory context window length generalization distribution shift calibration uncertainty "
            + "sampling temperature decoding beam search pretraining finetuning instruction tuning distillation teacher "
            + "student compression pruning quantization efficiency throughput latency hardware accelerator parallel").split(" ");
    private static final String[] TAGS = {"method", "results", "open-question", "related-work", "typo", "figure",
            "appendix", "baseline", "ablation", "dataset"};
    /** How many papers, notes, groups and authors the benchmark makes. */
    public static final int PAPERS = 10_000, NOTES = 100_000, GROUPS = 100, PEOPLE = 300;
    /** The searcher: author 7, a member of groups 1 to 5. */
    public static final int MEMBER = 7;
    public static final List<Integer> MEMBER_GROUPS = List.of(1, 2, 3, 4, 5);
    /** The query mix: words, phrases, prefixes, typos, exclusions, filters. */
    public static final List<String> QUERIES = List.of("reward tampering", "\"induction heads\"", "attention mechanism",
            "inducton heads", "scal", "model -language", "superposition feature neuron", "tag:method",
            "is:open reward", "by:user12 gradient", "group:3 training", "paper:scaling loss",
            "transformer is:question", "model", "is:open", "distillation teacher student compression");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("marginalia-search-bench");
        long start = System.nanoTime();
        try (SearchIndex index = SearchIndex.open(folder)) {
            corpus(index::put, index::put);
            index.commit(Map.of("schema", "bench"));
            System.out.printf("Indexed %,d papers and %,d notes in %.1f s (%s)%n", PAPERS, NOTES,
                    (System.nanoTime() - start) / 1e9, folder);

            Set<String> visibility = new HashSet<>();
            visibility.add("u:" + MEMBER);
            MEMBER_GROUPS.forEach(g -> visibility.add("g:" + g));
            List<String> queries = QUERIES;
            Map<String, long[]> timings = new LinkedHashMap<>();
            for (int round = 0; round < 5; round++) {          // warm-up
                queries.forEach(q -> run(index, q, visibility));
            }
            int rounds = 40;
            List<Long> all = new ArrayList<>();
            for (String q : queries) {
                long[] t = new long[rounds];
                for (int r = 0; r < rounds; r++) {
                    long s = System.nanoTime();
                    run(index, q, visibility);
                    t[r] = System.nanoTime() - s;
                    all.add(t[r]);
                }
                timings.put(q, t);
            }
            System.out.printf("%-45s %9s %9s %9s%n", "query", "p50 ms", "p95 ms", "hits");
            for (Map.Entry<String, long[]> e : timings.entrySet()) {
                long[] t = e.getValue().clone();
                Arrays.sort(t);
                SearchQuery parsed = SearchQuery.parse(e.getKey());
                long hits = index.papers(parsed, 0, 10).total() + index.notes(parsed, visibility, 0, 20).total();
                System.out.printf("%-45s %9.2f %9.2f %9d%n", e.getKey(), ms(t[t.length / 2]),
                        ms(t[(int) Math.ceil(t.length * 0.95) - 1]), hits);
            }
            all.sort(Comparator.naturalOrder());
            System.out.printf("ALL %d searches: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n", all.size(),
                    ms(all.get(all.size() / 2)), ms(all.get((int) Math.ceil(all.size() * 0.95) - 1)),
                    ms(all.get(all.size() - 1)));
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The benchmark's papers (ids 1 to {@value #PAPERS}) and notes (ids 1 to {@value #NOTES}), the
     * same on every run. A note is in group 0 to {@value #GROUPS} - 1 or, one in ten, private
     * (no group); its author is 0 to {@value #PEOPLE} - 1, username {@code user<n>}.
     */
    public static void corpus(Consumer<SearchIndex.PaperDoc> papers, Consumer<SearchIndex.NoteDoc> notes) {
        Random random = new Random(42);
        Map<Long, String> titles = new HashMap<>();
        for (long id = 1; id <= PAPERS; id++) {
            String title = capitalised(words(random, 6 + random.nextInt(6)));
            titles.put(id, title);
            papers.accept(new SearchIndex.PaperDoc(id, title, "Author" + random.nextInt(2000) + " Person, Writer"
                    + random.nextInt(2000) + " Name", words(random, 150 + random.nextInt(100)), Instant.now()));
        }
        for (long id = 1; id <= NOTES; id++) {
            long paper = 1 + random.nextInt(PAPERS);
            long group = random.nextInt(10) == 0 ? -1 : random.nextInt(GROUPS);
            int person = random.nextInt(PEOPLE);
            String kind = new String[]{"question", "note", "highlight", "reply"}[random.nextInt(4)];
            String state = new String[]{"open", "answered", "resolved", "none"}[random.nextInt(4)];
            List<String> tags = random.nextInt(3) == 0 ? List.of(TAGS[random.nextInt(TAGS.length)]) : List.of();
            notes.accept(new SearchIndex.NoteDoc(id, id, paper, titles.get(paper), group < 0 ? null : group,
                    "Group " + group, person, "Person " + person, "user" + person, kind, state,
                    words(random, 10 + random.nextInt(50)), words(random, 5 + random.nextInt(15)), tags,
                    Instant.ofEpochSecond(1_700_000_000L + id)));
        }
    }

    /** One search as the results page runs it: a page of papers and a page of notes, with snippets. */
    private static void run(SearchIndex index, String q, Set<String> visibility) {
        SearchQuery query = SearchQuery.parse(q);
        index.papers(query, 0, 10);
        index.notes(query, visibility, 0, 20);
    }

    private static String words(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            // Zipf-like: early words are common, later ones rare.
            int w = (int) Math.min(WORDS.length - 1, Math.abs(random.nextGaussian()) * WORDS.length / 3);
            b.append(i == 0 ? "" : i % 12 == 0 ? ". " : " ").append(WORDS[w]);
        }
        return b.toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
