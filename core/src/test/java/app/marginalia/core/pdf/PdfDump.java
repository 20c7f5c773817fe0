package app.marginalia.core.pdf;

import app.marginalia.core.document.Block;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints what the extractor reads from a PDF: a tool for writing expected texts, not a test. */
public final class PdfDump {
    public static void main(String[] args) throws Exception {
        Extraction e = PdfExtractor.extract(Files.readAllBytes(Path.of(args[0])));
        System.out.println("TITLE: " + e.title());
        System.out.println("AUTHORS: " + e.authors());
        System.out.println("PAGES: " + e.pageCount());
        System.out.println("STRUCTURE: " + e.document().structure());
        for (Block b : e.document().blocks()) {
            System.out.println("--- " + b.kind() + (b.heading() ? b.level() : "") + "\n" + b.text());
        }
    }
}
