package app.marginalia.core.paper;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaperFieldsTest {

    private static final PaperFields ORIGINAL = new PaperFields("Attention Is All You Need",
            List.of("Ashish Vaswani", "Noam Shazeer"), PartialDate.parse("2017-06-12").orElseThrow(),
            "https://arxiv.org/abs/1706.03762", "The dominant sequence transduction models…");

    @Test
    void shouldNameEveryChangedFieldWithBothSidesAsAReaderSeesThem() {
        PaperFields vandalised = new PaperFields("VANDALISED TITLE", List.of("Ashish Vaswani", "Noam Shazeer"),
                PartialDate.parse("2017-06-12").orElseThrow(), "https://elsewhere.example", ORIGINAL.abstractText());
        assertEquals(List.of(
                new PaperFields.Change("title", "Title", "Attention Is All You Need", "VANDALISED TITLE"),
                new PaperFields.Change("link", "Link", "https://arxiv.org/abs/1706.03762", "https://elsewhere.example")),
                ORIGINAL.changesTo(vandalised));
    }

    @Test
    void shouldFindNoChangeInTheSameFieldsTypedAgain() {
        PaperDraft draft = new PaperDraft("Attention Is All You Need", "Ashish Vaswani, Noam Shazeer",
                "The dominant sequence transduction models…", "", "Jun 12, 2017", "https://arxiv.org/abs/1706.03762");
        assertEquals(List.of(), ORIGINAL.changesTo(PaperFields.of(draft)));
    }

    @Test
    void shouldShowAnAbsentValueAsEmpty() {
        PaperFields bare = new PaperFields("Attention Is All You Need", null, null, null, null);
        assertEquals(List.of(
                new PaperFields.Change("authors", "Authors", "Ashish Vaswani, Noam Shazeer", ""),
                new PaperFields.Change("date", "Published", "Jun 12, 2017", ""),
                new PaperFields.Change("link", "Link", "https://arxiv.org/abs/1706.03762", ""),
                new PaperFields.Change("abstractText", "Abstract", "The dominant sequence transduction models…", "")),
                ORIGINAL.changesTo(bare));
    }

    @Test
    void shouldReadBackEveryStoredDateAsItWas() {
        for (PartialDate date : List.of(new PartialDate(2022, 9, 21), new PartialDate(2024, 3, null),
                PartialDate.ofYear(1999), new PartialDate(null, 5, 28), new PartialDate(null, 5, null))) {
            assertEquals(date, PaperFields.dateFromIso(date.iso()), date.iso());
        }
        assertEquals(null, PaperFields.dateFromIso(null));
    }

    @Test
    void shouldWriteEveryDateSoThatTheFormReadsItBack() {
        for (PartialDate date : List.of(new PartialDate(2022, 9, 21), new PartialDate(2024, 3, null),
                PartialDate.ofYear(1999), new PartialDate(null, 5, 28))) {
            assertEquals(date, new PaperDraft("t", "", "a", "", PaperFields.typed(date), "").publishedDate().orElseThrow());
        }
        assertEquals("Jun 12, 2017", PaperFields.typed(new PartialDate(2017, 6, 12)));
    }
}
