package app.marginalia.web.system;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How templates show values: instants as readable UTC times, e.g. {@code {account.since.readable}}. */
@TemplateExtension
public final class TemplateFormats {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private TemplateFormats() {
    }

    static String readable(Instant instant) {
        return instant == null ? "" : READABLE.format(instant);
    }
}
