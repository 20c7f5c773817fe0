package app.marginalia.core.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real seed documents from the repository's {@code seeds/} folder. */
final class SeedFixtures {

    static final Path SEEDS = Path.of("..", "seeds");
    static final String LISTING = "004_458e020ea80686fe.txt";
    static final String SHAMMIES_LIST = "003_6fd2784d3b656516.txt";

    private SeedFixtures() {
    }

    static String read(String name) {
        try {
            return Files.readString(SEEDS.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<SeedDocument> documents() {
        try (Stream<Path> files = Files.list(SEEDS)) {
            List<SeedDocument> documents = new ArrayList<>();
            files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{3}_.*\\.txt")).sorted()
                    .forEach(name -> documents.add(SeedParser.parse(name, read(name))));
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SeedLibrary library() {
        return SeedLibrary.merge(documents(), KnownTitles.parse(read("known-titles.tsv")));
    }
}
