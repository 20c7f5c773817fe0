package app.marginalia.core.importing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier without its version ({@code 2212.08073}, {@code hep-th/9901001}), and the
 * version when one was named. Members paste ids in every form arXiv prints them, so
 * {@link #parse} accepts the bare id, the {@code arXiv:} prefix and the abstract and PDF
 * addresses, and says why anything else is not an id.
 */
public record ArxivId(String id, Integer version) {

    /** Longest input worth reading: a full address with a query string fits easily. */
    static final int MAX_INPUT = 300;

    /** Since April 2007: YYMM.NNNN, and five digits from 2015 on. */
    private static final String NEW_STYLE = "(?:0[7-9]|1[0-4])(?:0[1-9]|1[0-2])\\.\\d{4}"
            + "|(?:1[5-9]|[2-9]\\d)(?:0[1-9]|1[0-2])\\.\\d{5}";
    /** Before April 2007: archive(.SUBJECT)/YYMMNNN, e.g. hep-th/9901001, math.GT/0309136. */
    private static final String OLD_STYLE = "[a-z]+(?:-[a-z]+)*(?:\\.[A-Za-z]{2})?/\\d{2}(?:0[1-9]|1[0-2])\\d{3}";
    private static final Pattern ID = Pattern.compile("(" + NEW_STYLE + "|" + OLD_STYLE + ")(?:v([1-9]\\d{0,2}))?");
    private static final Pattern ADDRESS = Pattern.compile(
            "(?i)(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/(.+?)(?:\\.pdf)?/?(?:[?#].*)?");
    /** An id named in running text: "arXiv:2212.08073" or an arxiv.org address. */
    private static final Pattern MENTION = Pattern.compile(
            "(?i)(?:arxiv:\\s?|arxiv\\.org/(?:abs|pdf)/)(" + NEW_STYLE + "|" + OLD_STYLE + ")(?:v([1-9]\\d{0,2}))?");

    public ArxivId {
        Matcher m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches() || m.group(2) != null) {
            throw new IllegalArgumentException("not an arXiv id without version: " + id);
        }
        if (version != null && version < 1) {
            throw new IllegalArgumentException("no version " + version);
        }
    }

    /** The id as typed or pasted; an {@link ImportProblem} of kind INVALID says why it is not one. */
    public static ArxivId parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw ImportProblem.invalid("Enter an arXiv id such as 2212.08073, or the paper's arxiv.org address.");
        }
        if (text.length() > MAX_INPUT) {
            throw ImportProblem.invalid("That is too long to be an arXiv id or address.");
        }
        String candidate = text;
        Matcher address = ADDRESS.matcher(text);
        if (address.matches()) {
            candidate = address.group(1);
        } else if (text.contains("://") || text.toLowerCase(Locale.ROOT).startsWith("www.")) {
            throw ImportProblem.invalid("That address is not an arxiv.org paper page (arxiv.org/abs/… or arxiv.org/pdf/…).");
        } else if (text.regionMatches(true, 0, "arxiv:", 0, 6)) {
            candidate = text.substring(6).strip();
        }
        Matcher m = ID.matcher(candidate);
        if (!m.matches()) {
            throw ImportProblem.invalid("\u201c" + abbreviate(text) + "\u201d is not an arXiv id: they look like "
                    + "2212.08073, 2212.08073v2, or hep-th/9901001 for papers from before 2007.");
        }
        return of(m);
    }

    /** The first id a text names as {@code arXiv:…} or by an arxiv.org address, if any. */
    public static Optional<ArxivId> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = MENTION.matcher(text);
        return m.find() ? Optional.of(of(m)) : Optional.empty();
    }

    private static ArxivId of(Matcher m) {
        return new ArxivId(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)));
    }

    /** The id with its version when one was named: what the PDF address needs to fetch that version. */
    public String versioned() {
        return version == null ? id : id + "v" + version;
    }

    /** The paper's abstract page, the link a paper imported from arXiv keeps. */
    public String absUrl() {
        return "https://arxiv.org/abs/" + id;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "\u2026" : text;
    }

    @Override
    public String toString() {
        return versioned();
    }
}
