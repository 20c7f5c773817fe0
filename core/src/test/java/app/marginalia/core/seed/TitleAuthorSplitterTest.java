package app.marginalia.core.seed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TitleAuthorSplitterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Toy Models of Superposition | Nelson Elhage
            Scaling Monosemanticity: Extracting Interpretable Features from Claude 3 Sonnet | Adly Templeton
            Constitutional AI: Harmlessness from AI Feedback | Yuntao Bai
            Training a Helpful and Harmless Assistant with Reinforcement Learning from Human Feedback | Yuntao Bai
            Language Models (Mostly) Know What They Know | Saurav Kadavath
            In-context Learning and Induction Heads | Catherine Olsson
            Red Teaming Language Models to Reduce Harms: Methods, Scaling Behaviors, and Lessons Learned | Deep Ganguli
            Discovering Language Model Behaviors with Model-Written Evaluations | Ethan Perez
            The Capacity for Moral Self-Correction in Large Language Models | Deep Ganguli
            Measuring Progress on Scalable Oversight for Large Language Models | Samuel R. Bowman
            Scaling Laws and Interpretability of Learning from Repeated Data | Danny Hernandez
            Specific versus General Principles for Constitutional AI | Sandipan Kundu
            Emotion Concepts and their Function in a Large Language Model | Nicholas Sofroniew
            Auditing language models for hidden objectives | Samuel Marks
            A General Language Assistant as a Laboratory for Alignment | Amanda Askell
            Scaling Laws for Transfer | Danny Hernandez
            Scaling Laws for Autoregressive Generative Modeling | Tom Henighan
            Language Models are Few-Shot Learners | Tom B. Brown
            Scaling Laws for Neural Language Models | Jared Kaplan
            """)
    void shouldSplitEveryEntryOfTheSeedListing(String title, String firstAuthor) {
        List<SeedEntry> listing = SeedParser.parse(SeedFixtures.LISTING, SeedFixtures.read(SeedFixtures.LISTING))
                .entries();
        SeedEntry entry = listing.stream().filter(e -> e.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry titled " + title));
        assertEquals(firstAuthor, entry.authors().get(0));
    }

    @Test
    void shouldSeparateTitleAuthorsAndOrganisations() {
        Byline byline = split("Toy Models of SuperpositionNelson Elhage, Tristan Hume, Catherine Olsson et al. · openai");
        assertEquals("Toy Models of Superposition", byline.title());
        assertEquals(List.of("Nelson Elhage", "Tristan Hume", "Catherine Olsson"), byline.authors());
        assertTrue(byline.authorsTruncated());
        assertEquals(List.of("openai"), byline.organisations());
    }

    @Test
    void shouldKeepNamesWithDiacriticsAndInitials() {
        Byline byline = split("Discovering Language Model Behaviors with Model-Written EvaluationsEthan Perez, "
                + "Sam Ringer, Kamilė Lukošiūtė et al. · anthropic, berkeley");
        assertEquals("Discovering Language Model Behaviors with Model-Written Evaluations", byline.title());
        assertEquals(List.of("Ethan Perez", "Sam Ringer", "Kamilė Lukošiūtė"), byline.authors());
        assertEquals(List.of("anthropic", "berkeley"), byline.organisations());
    }

    @Test
    void shouldNotSplitInsideAnAuthorsSurnameWithInternalCapitals() {
        Byline byline = split("Scaling Laws for Neural Language ModelsJared Kaplan, Sam McCandlish, Tom Henighan");
        assertEquals("Scaling Laws for Neural Language Models", byline.title());
        assertEquals(List.of("Jared Kaplan", "Sam McCandlish", "Tom Henighan"), byline.authors());
        assertFalse(byline.authorsTruncated());
        assertEquals(List.of(), byline.organisations());
    }

    @Test
    void shouldKeepATitleWordWithInternalCapitalsWhole() {
        Byline byline = split("MobileViT: Light-weight, General-purpose, and Mobile-friendly Vision Transformer"
                + "Sachin Mehta, Mohammad Rastegari");
        assertEquals("MobileViT: Light-weight, General-purpose, and Mobile-friendly Vision Transformer", byline.title());
        assertEquals(List.of("Sachin Mehta", "Mohammad Rastegari"), byline.authors());
    }

    @Test
    void shouldSplitAfterATitleWithDigitsAndACorporateFirstAuthor() {
        Byline byline = split("GPT-4 Technical ReportOpenAI, Josh Achiam, Steven Adler et al.");
        assertEquals("GPT-4 Technical Report", byline.title());
        assertEquals(List.of("OpenAI", "Josh Achiam", "Steven Adler"), byline.authors());
    }

    @Test
    void shouldNotMistakeACamelCaseTitleWordForAName() {
        assertEquals("LaTeX Made Easy", split("LaTeX Made EasyJohn Doe, Jane Roe").title());
        Byline deepSeek = split("DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning"
                + "Daya Guo, Dejian Yang, Haowei Zhang et al.");
        assertEquals("DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning",
                deepSeek.title());
        assertEquals(List.of("Daya Guo", "Dejian Yang", "Haowei Zhang"), deepSeek.authors());
        assertEquals("Notes on DeepSeek", split("Notes on DeepSeekDaya Guo").title());
    }

    @Test
    void shouldSplitATitleEndingInAnAcronymOrPunctuation() {
        assertEquals("Specific versus General Principles for Constitutional AI",
                split("Specific versus General Principles for Constitutional AISandipan Kundu, Yuntao Bai").title());
        assertEquals("Are Emergent Abilities of Large Language Models a Mirage?",
                split("Are Emergent Abilities of Large Language Models a Mirage?Rylan Schaeffer, Brando Miranda")
                        .title());
    }

    @Test
    void shouldFindNoSplitWhenNoNamesFollow() {
        assertTrue(TitleAuthorSplitter.split("A title with no authors at all").isEmpty());
        assertTrue(TitleAuthorSplitter.split("lowercase title only").isEmpty());
    }

    private static Byline split(String line) {
        return TitleAuthorSplitter.split(line).orElseThrow(() -> new AssertionError("no split for " + line));
    }
}
