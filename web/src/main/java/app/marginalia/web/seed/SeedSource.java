package app.marginalia.web.seed;

import app.marginalia.core.seed.KnownTitles;
import app.marginalia.core.seed.SeedDocument;
import app.marginalia.core.seed.SeedParser;
import app.marginalia.web.system.MarginaliaConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the seed documents are read from: the copy packaged in the application (listed in
 * {@code seeds/manifest.txt}), or a directory named by {@code marginalia.seeds.directory}.
 */
@ApplicationScoped
public class SeedSource {

    static final String KNOWN_TITLES = "known-titles.tsv";
    private static final String PACKAGED = "seeds/";
    private static final String DOCUMENT_NAME = "\\d{3}_.*\\.txt";

    private final MarginaliaConfig config;

    SeedSource(MarginaliaConfig config) {
        this.config = config;
    }

    /** Every seed document, parsed, in file-name order. */
    public List<SeedDocument> documents() {
        List<SeedDocument> documents = new ArrayList<>();
        for (String name : documentNames()) {
            documents.add(SeedParser.parse(name, read(name).orElse("")));
        }
        return documents;
    }

    public KnownTitles knownTitles() {
        return read(KNOWN_TITLES).map(KnownTitles::parse).orElse(KnownTitles.none());
    }

    private List<String> documentNames() {
        Optional<Path> directory = config.seeds().directory();
        if (directory.isPresent()) {
            try (Stream<Path> files = Files.list(directory.get())) {
                return files.map(p -> p.getFileName().toString()).filter(n -> n.matches(DOCUMENT_NAME)).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list seed directory " + directory.get(), e);
            }
        }
        return read("manifest.txt").orElse("").lines().map(String::strip)
                .filter(n -> n.matches(DOCUMENT_NAME)).sorted().toList();
    }

    private Optional<String> read(String name) {
        Optional<Path> directory = config.seeds().directory();
        try {
            if (directory.isPresent()) {
                Path file = directory.get().resolve(name);
                return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                        : Optional.empty();
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PACKAGED + name)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed document " + name, e);
        }
    }
}
