package app.marginalia.core.paper;

import java.util.Map;
import java.util.Optional;

/** arXiv computer-science categories, which paper listings abbreviate to two letters. */
public final class Category {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("AI", "Artificial Intelligence"),
            Map.entry("CL", "Computation and Language"),
            Map.entry("CR", "Cryptography and Security"),
            Map.entry("CV", "Computer Vision and Pattern Recognition"),
            Map.entry("CY", "Computers and Society"),
            Map.entry("GT", "Computer Science and Game Theory"),
            Map.entry("HC", "Human-Computer Interaction"),
            Map.entry("IR", "Information Retrieval"),
            Map.entry("LG", "Machine Learning"),
            Map.entry("MA", "Multiagent Systems"),
            Map.entry("NE", "Neural and Evolutionary Computing"),
            Map.entry("RO", "Robotics"),
            Map.entry("SE", "Software Engineering"));

    private Category() {
    }

    /** {@code LG} becomes {@code cs.LG}; a full code such as {@code stat.ML} is kept. */
    public static String code(String abbreviation) {
        String trimmed = abbreviation.strip();
        return trimmed.contains(".") ? trimmed : "cs." + trimmed.toUpperCase(java.util.Locale.ROOT);
    }

    /** The category's name, where it is one Marginalia knows. */
    public static Optional<String> name(String code) {
        if (code == null || !code.startsWith("cs.")) {
            return Optional.empty();
        }
        return Optional.ofNullable(NAMES.get(code.substring(3)));
    }
}
