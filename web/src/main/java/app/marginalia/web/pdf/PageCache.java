package app.marginalia.web.pdf;

import app.marginalia.web.system.MarginaliaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The page images of stored PDFs, rendered on demand and kept under
 * {@code <data-dir>/cache/pages/<sha256>/<page>-<width>.png}, with a local copy of each PDF beside
 * them so a page render never reads the database blob again. Everything here is a cache: the
 * database holds the PDF, and a deleted cache is rebuilt. Files appear whole (temporary file, then
 * an atomic rename), so concurrent readers and instances sharing the directory never see half a PNG.
 */
@ApplicationScoped
public class PageCache {

    /** The widths pages are rendered at: a fixed set, so the cache stays bounded per file. */
    public static final int WIDTH = 1200;
    public static final int SMALL_WIDTH = 600;

    /** Rendering is CPU-bound and a page can take half a second: at most two at once. */
    private final Semaphore rendering = new Semaphore(2);
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PageCache.class);
    private final java.util.concurrent.ExecutorService warming = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
                Thread thread = new Thread(r, "pdf-page-warming");
                thread.setDaemon(true);
                return thread;
            });
    private final Path root;

    PageCache(MarginaliaConfig config) {
        this.root = config.dataDir().resolve("cache");
    }

    public static boolean allowedWidth(int width) {
        return width == WIDTH || width == SMALL_WIDTH;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Prepares a newly stored PDF in the background: its local copy and its first page, so the
     * first reader of the page view does not wait for a render. Best effort: a failure here only
     * means the page is rendered when first asked for.
     */
    public void warm(String sha256, byte[] bytes) {
        warming.execute(() -> {
            try {
                page(sha256, 1, WIDTH, () -> bytes);
            } catch (RuntimeException e) {
                LOG.warnf("Could not prepare the first page of %s: %s", sha256, e.getMessage());
            }
        });
    }

    /** The local copy of a PDF, written from {@code bytes} (read from the database) the first time. */
    public Path pdf(String sha256, Supplier<byte[]> bytes) {
        requireSha(sha256);
        Path file = root.resolve("pdf").resolve(sha256 + ".pdf");
        if (!Files.isRegularFile(file)) {
            writeAtomically(file, bytes.get());
        }
        return file;
    }

    /** The PNG of one page (counting from 1) at {@code width} pixels, rendered if it is not cached yet. */
    public Path page(String sha256, int page, int width, Supplier<byte[]> bytes) {
        requireSha(sha256);
        Path file = root.resolve("pages").resolve(sha256).resolve(page + "-" + width + ".png");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path source = pdf(sha256, bytes);
        rendering.acquireUninterruptibly();
        try {
            if (Files.isRegularFile(file)) {
                return file; // rendered by another request while this one waited
            }
            writeAtomically(file, render(source, page, width));
            return file;
        } finally {
            rendering.release();
        }
    }

    private static byte[] render(Path pdf, int page, int width) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDRectangle box = document.getPage(page - 1).getCropBox();
            int rotation = document.getPage(page - 1).getRotation();
            float pageWidth = rotation % 180 == 0 ? box.getWidth() : box.getHeight();
            BufferedImage image = new PDFRenderer(document).renderImage(page - 1, width / pageWidth, ImageType.RGB);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAtomically(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".part-", ".tmp");
            try {
                Files.write(temp, content);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireSha(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
    }
}
