package app.marginalia.web.system;

import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;

/** Only the PDF uploads take bodies past 5 MB; everything else answers 413 before reading one. */
@QuarkusTest
class BodyLimitsTest {

    private static final byte[] SIX_MEGABYTES = new byte[6 * 1024 * 1024];

    @Test
    void shouldRefuseALargeBodyOutsideThePdfUploads() {
        Visitor member = Visitor.register("bulky");
        member.request().header("Origin", Visitor.origin()).header("X-CSRF-Token", member.csrf())
                .contentType("application/json").body(SIX_MEGABYTES)
                .post("/api/papers/1/annotations")
                .then().statusCode(413).body(containsString("larger than 5 MB"));
    }

    @Test
    void shouldLetAPdfUploadPastTheGeneralLimit() {
        Visitor member = Visitor.register("uploader");
        // Not a PDF, so refused, but by the PDF check (422), not by the size limit.
        member.request().header("Origin", Visitor.origin()).header("X-CSRF-Token", member.csrf())
                .multiPart("file", "big.pdf", SIX_MEGABYTES, "application/pdf")
                .multiPart("_csrf", member.csrf())
                .post("/papers/new/pdf")
                .then().statusCode(not(equalTo(413))).statusCode(equalTo(422));
    }
}
