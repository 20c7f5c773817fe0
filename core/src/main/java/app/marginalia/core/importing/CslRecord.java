package app.marginalia.core.importing;

import app.marginalia.core.paper.PartialDate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DOI's metadata as CSL-JSON (what doi.org answers to {@code Accept:
 * application/vnd.citationstyles.csl+json}), read from the parsed JSON object. Crossref puts
 * abstracts in JATS XML ({@code <jats:p>}); the markup is stripped to plain paragraphs.
 */
public final class CslRecord {

    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#\\d{1,7}|amp|lt|gt|quot|apos|nbsp);");

    private CslRecord() {
    }

    /** The paper the record describes; {@code requested} stands in when the record names no DOI. */
    public static ImportedPaper paper(Map<String, ?> csl, Doi requested) {
        String title = plain(first(csl.get("title"))).replaceAll("\\s+", " ").strip();
        if (title.isEmpty()) {
            throw new ImportProblem(ImportProblem.Kind.UNREADABLE,
                    "The record for DOI " + requested + " has no title, so it cannot be added this way.");
        }
        List<String> authors = new ArrayList<>();
        if (csl.get("author") instanceof List<?> list) {
            for (Object a : list) {
                if (a instanceof Map<?, ?> author) {
                    String name = author.get("literal") != null ? string(author.get("literal"))
                            : (string(author.get("given")) + " " + string(author.get("family"))).strip();
                    if (!name.isEmpty()) {
                        authors.add(name.replaceAll("\\s+", " "));
                    }
                }
            }
        }
        Doi doi = requested;
        if (csl.get("DOI") != null) {
            try {
                doi = Doi.parse(string(csl.get("DOI")));
            } catch (ImportProblem ignored) {
                // Keep the DOI the member asked for.
            }
        }
        String url = string(csl.get("URL"));
        String link = url.startsWith("https://") || url.startsWith("http://") ? url : doi.url();
        return new ImportedPaper(title, authors, abstractText(string(csl.get("abstract"))), date(csl), link, null, doi,
                plain(first(csl.get("container-title"))).strip(), List.of(), pdfLink(csl));
    }

    /** JATS or HTML abstract to plain text: one paragraph per {@code <p>}, a leading "Abstract" heading dropped. */
    static String abstractText(String markup) {
        if (markup.isBlank()) {
            return "";
        }
        String text = markup.replaceAll("(?is)<(jats:)?title>\\s*abstract\\s*</(jats:)?title>", "")
                .replaceAll("(?i)</(jats:)?(p|sec)>", "\n\n");
        text = plain(text);
        List<String> paragraphs = new ArrayList<>();
        for (String p : text.split("\\n\\s*\\n")) {
            String para = p.replaceAll("\\s+", " ").strip();
            if (!para.isEmpty()) {
                paragraphs.add(para);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /** The first {@code link} whose content type is PDF: the rare record that names an open PDF. */
    private static String pdfLink(Map<String, ?> csl) {
        if (csl.get("link") instanceof List<?> links) {
            for (Object l : links) {
                if (l instanceof Map<?, ?> link && "application/pdf".equalsIgnoreCase(string(link.get("content-type")))) {
                    String href = string(link.get("URL"));
                    if (href.startsWith("https://") || href.startsWith("http://")) {
                        return href;
                    }
                }
            }
        }
        return null;
    }

    private static PartialDate date(Map<String, ?> csl) {
        for (String field : List.of("issued", "published-print", "published-online", "created")) {
            if (csl.get(field) instanceof Map<?, ?> date && date.get("date-parts") instanceof List<?> parts
                    && !parts.isEmpty() && parts.get(0) instanceof List<?> ymd && !ymd.isEmpty()) {
                try {
                    Integer year = number(ymd.get(0));
                    Integer month = ymd.size() > 1 ? number(ymd.get(1)) : null;
                    Integer day = ymd.size() > 2 && month != null ? number(ymd.get(2)) : null;
                    if (year != null) {
                        return new PartialDate(year, month, day);
                    }
                } catch (IllegalArgumentException ignored) {
                    // An impossible date is left out, as if the record had none.
                }
            }
        }
        return null;
    }

    private static Integer number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? null : Integer.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** CSL gives some strings as arrays ({@code "container-title": ["Proceedings …"]}). */
    private static String first(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "" : string(list.get(0));
        }
        return string(value);
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Markup removed and character references decoded. */
    static String plain(String markup) {
        String text = TAG.matcher(markup).replaceAll("");
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String replacement = switch (e.toLowerCase(Locale.ROOT)) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> codePoint(e);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(String reference) {
        try {
            int cp = reference.startsWith("#x") || reference.startsWith("#X")
                    ? Integer.parseInt(reference.substring(2), 16) : Integer.parseInt(reference.substring(1));
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }
}
