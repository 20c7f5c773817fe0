package app.marginalia.core.paper;

/**
 * A readable stand-in title for a paper whose sources give none: the opening of its first
 * sentence, cut at a word boundary. Papers carrying one are marked so members can correct them.
 */
public final class ProvisionalTitle {

    static final int MAX_LENGTH = 80;

    private ProvisionalTitle() {
    }

    public static String from(String abstractText) {
        String text = CanonicalText.singleLine(abstractText);
        if (text.isEmpty()) {
            return "Untitled paper";
        }
        int sentenceEnd = firstSentenceEnd(text);
        String sentence = sentenceEnd > 0 ? text.substring(0, sentenceEnd) : text;
        if (sentence.length() <= MAX_LENGTH) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', MAX_LENGTH);
        String head = sentence.substring(0, cut > 20 ? cut : MAX_LENGTH);
        return head.replaceAll("[\\s,;:]+$", "") + "…";
    }

    private static int firstSentenceEnd(String text) {
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && text.charAt(i + 1) == ' ') {
                return i;
            }
        }
        return -1;
    }
}
