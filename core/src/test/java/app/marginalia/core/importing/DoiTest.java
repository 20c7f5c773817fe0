package app.marginalia.core.importing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DoiTest {

    @ParameterizedTest
    @CsvSource({
            "10.1145/3442188.3445922, 10.1145/3442188.3445922",
            "doi:10.1145/3442188.3445922, 10.1145/3442188.3445922",
            "DOI: 10.1038/Nature16961, 10.1038/nature16961",
            "https://doi.org/10.1038/nature16961, 10.1038/nature16961",
            "http://dx.doi.org/10.1038/nature16961, 10.1038/nature16961",
            "doi.org/10.18653/v1/N19-1423, 10.18653/v1/n19-1423",
            "https://doi.org/10.1000%2F182, 10.1000/182",
            "'10.1109/CVPR.2016.90.', 10.1109/cvpr.2016.90",
    })
    void shouldReadADoiInEveryCommonFormInLowerCase(String input, String doi) {
        assertEquals(doi, Doi.parse(input).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "11.1145/3442188", "10.1/x", "10.1145", "https://example.org/10.1145/3442188"})
    void shouldRejectWhatIsNotADoi(String input) {
        assertEquals(ImportProblem.Kind.INVALID, assertThrows(ImportProblem.class, () -> Doi.parse(input)).kind());
    }
}
