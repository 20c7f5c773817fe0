package app.marginalia.core.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Extraction time of a PDF (default: the 30-page two-column test paper): two warm-up runs, then the
 * median of five. Run by scripts/bench-extract.sh; a benchmark, not a test.
 */
public final class ExtractBenchmark {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "core/src/test/resources/pdf/long-two-column.pdf");
        byte[] pdf = Files.readAllBytes(file);
        long cold = System.nanoTime();
        Extraction first = PdfExtractor.extract(pdf);
        double coldMs = (System.nanoTime() - cold) / 1e6;
        PdfExtractor.extract(pdf);
        double[] runs = new double[5];
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            PdfExtractor.extract(pdf);
            runs[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(runs);
        System.out.printf("file: %s%npages: %d, characters: %d, blocks: %d, layout lines: %d%n", file,
                first.pageCount(), first.document().length(), first.document().blocks().size(),
                first.layout().lines().size());
        System.out.printf("first (cold JVM) run: %.0f ms%nmedian of 5 warm runs: %.0f ms (min %.0f, max %.0f)%n",
                coldMs, runs[2], runs[0], runs[4]);
    }
}
