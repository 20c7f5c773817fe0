package app.marginalia.web.pdf;

import app.marginalia.web.Visitor;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The project's test PDFs (built from LaTeX in testdocs/pdf) and uploading them as a browser does. */
public final class PdfTestSupport {

    private PdfTestSupport() {
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(Path.of("..", "core", "src", "test", "resources", "pdf", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multipart form post with the CSRF token and Origin a browser sends. */
    public static Response upload(Visitor who, String path, String fileName, byte[] content, String mediaType) {
        return who.request().header("Origin", Visitor.origin()).header("X-CSRF-Token", who.csrf())
                .multiPart("file", fileName, content, mediaType).post(path);
    }

    /** Uploads the PDF and confirms the proposed metadata; the new paper's id. */
    public static long addPaper(Visitor who, String name) {
        Response upload = upload(who, "/papers/new/pdf", name, bytes(name), "application/pdf");
        assertEquals(200, upload.statusCode(), upload.asString());
        Document form = Jsoup.parse(upload.asString());
        String title = form.selectFirst("input[name=title]").val();
        Response confirm = who.post("/papers/new/pdf/confirm", "token", form.selectFirst("input[name=token]").val(),
                "title", title.isBlank() ? "A paper from " + name : title,
                "authors", form.selectFirst("textarea[name=authors]").text(), "confirmDuplicate", "true");
        assertEquals(303, confirm.statusCode(), confirm.asString());
        String path = URI.create(confirm.header("Location")).getPath();
        return Long.parseLong(path.replaceAll("^/papers/(\\d+)/pages$", "$1"));
    }
}
