package app.marginalia.core.annotation;

/** W3C Web Annotation TextQuoteSelector: the quoted text and up to 32 code points either side. */
public record TextQuoteSelector(String exact, String prefix, String suffix) {

    public TextQuoteSelector {
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
    }
}
