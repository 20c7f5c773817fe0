package app.marginalia.web.seed;

import app.marginalia.core.seed.KnownTitles;
import app.marginalia.core.seed.SeedDocument;
import app.marginalia.core.seed.SeedParser;
import app.marginalia.core.seed.SeedProblem;
import app.marginalia.web.system.MarginaliaConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
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
 * Operators supply that directory, so nothing in it may stop the application: a file that
 * cannot be read as UTF-8 text is skipped with its reason, and every file the import does not
 * take by its name is listed, so a misnamed document is not ignored without a word.
 */
@ApplicationScoped
public class SeedSource {

    static final String KNOWN_TITLES = "known-titles.tsv";
    private static final String PACKAGED = "seeds/";
    private static final String DOCUMENT_NAME = "\\d{3}_.*\\.txt";
    private static final String MANIFEST = "manifest.txt";

    /**
     * What was read: the documents in file-name order (a file that could not be read is a
     * document with no entries and one skipped problem at line 0 saying why), the known titles,
     * problems with anything else, and the names of files not taken as seed documents.
     */
    public record Reading(List<SeedDocument> documents, KnownTitles knownTitles, List<SeedProblem> problems,
                          List<String> ignored) {
        public Reading {
            documents = List.copyOf(documents);
            problems = List.copyOf(problems);
            ignored = List.copyOf(ignored);
        }
    }

    /** A file that is not taken as UTF-8 text, with the reason people read in the report. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final MarginaliaConfig config;

    SeedSource(MarginaliaConfig config) {
        this.config = config;
    }

    /** Reads every seed document and the known titles; never throws for what the files contain. */
    public Reading read() {
        List<SeedProblem> problems = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<SeedDocument> documents = new ArrayList<>();
        for (String name : documentNames(problems, ignored)) {
            try {
                documents.add(SeedParser.parse(name, text(name).orElse("")));
            } catch (Unreadable e) {
                documents.add(new SeedDocument(name, null, List.of(), List.of(new SeedProblem(name, 0, e.getMessage())),
                        List.of()));
            }
        }
        KnownTitles known = KnownTitles.none();
        try {
            known = text(KNOWN_TITLES).map(KnownTitles::parse).orElse(KnownTitles.none());
        } catch (Unreadable e) {
            problems.add(new SeedProblem(KNOWN_TITLES, 0, e.getMessage() + "; imported without known titles"));
        }
        return new Reading(documents, known, problems, ignored);
    }

    private List<String> documentNames(List<SeedProblem> problems, List<String> ignored) {
        Optional<Path> directory = config.seeds().directory();
        List<String> names;
        if (directory.isPresent()) {
            try (Stream<Path> files = Files.list(directory.get())) {
                names = files.map(p -> p.getFileName().toString()).sorted().toList();
            } catch (IOException | RuntimeException e) {
                problems.add(new SeedProblem(directory.get().toString(), 0, "the seed directory cannot be listed: " + e));
                return List.of();
            }
        } else {
            try {
                names = text(MANIFEST).orElse("").lines().map(String::strip).filter(n -> !n.isEmpty()).sorted().toList();
            } catch (Unreadable e) {
                problems.add(new SeedProblem(MANIFEST, 0, e.getMessage()));
                return List.of();
            }
        }
        List<String> documents = new ArrayList<>();
        for (String name : names) {
            if (name.matches(DOCUMENT_NAME)) {
                documents.add(name);
            } else if (!name.equals(KNOWN_TITLES)) {
                ignored.add(name);
            }
        }
        return documents;
    }

    private Optional<String> text(String name) throws Unreadable {
        Optional<Path> directory = config.seeds().directory();
        try {
            if (directory.isPresent()) {
                Path file = directory.get().resolve(name);
                if (!Files.exists(file)) {
                    return Optional.empty();
                }
                if (!Files.isRegularFile(file)) {
                    throw new Unreadable("not a regular file");
                }
                return Optional.of(utf8(Files.readAllBytes(file)));
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PACKAGED + name)) {
                return in == null ? Optional.empty() : Optional.of(utf8(in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new Unreadable("cannot be read: " + e);
        }
    }

    /** Strict UTF-8: a Latin-1 or binary file is refused rather than imported as mojibake. */
    static String utf8(byte[] bytes) throws Unreadable {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw new Unreadable("not UTF-8 text (invalid byte sequence at byte " + firstBadByte(bytes) + "); "
                    + "save it as UTF-8");
        } catch (CharacterCodingException e) {
            throw new Unreadable("not UTF-8 text: " + e);
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new Unreadable("a binary file, not text (it contains NUL characters)");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The exception tells only the bad sequence's length; decoding step by step tells where it is. */
    private static int firstBadByte(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        StandardCharsets.UTF_8.newDecoder().decode(in, CharBuffer.allocate(bytes.length + 1), true);
        return in.position();
    }
}
