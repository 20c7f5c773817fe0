package app.marginalia.web.system;

import io.quarkus.qute.TemplateExtension;

import java.util.UUID;

/**
 * A fresh request key for each form a page renders, as {@code {requestKey:fresh}} (see the
 * {@code requestkey} tag): the form sends it with every submit, so a double click saves once.
 */
@TemplateExtension(namespace = "requestKey")
public final class RequestKeys {

    private RequestKeys() {
    }

    static String fresh() {
        return UUID.randomUUID().toString();
    }
}
