package app.marginalia.core.paper;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartialDateTest {

    @Test
    void shouldKeepADateWithoutYearWithoutInventingOne() {
        PartialDate mayTwentyEighth = PartialDate.parse("May 28").orElseThrow();
        assertEquals(null, mayTwentyEighth.year());
        assertEquals("May 28", mayTwentyEighth.display());
        assertEquals("--05-28", mayTwentyEighth.iso());
    }

    @Test
    void shouldReadAndWriteFullDatesAndYears() {
        assertEquals(new PartialDate(2022, 9, 21), PartialDate.parse("Sep 21, 2022").orElseThrow());
        assertEquals("Sep 21, 2022", new PartialDate(2022, 9, 21).display());
        assertEquals("2022-09-21", new PartialDate(2022, 9, 21).iso());
        assertEquals(PartialDate.ofYear(2024), PartialDate.parse("2024").orElseThrow());
        assertEquals("2024", PartialDate.ofYear(2024).display());
        assertEquals(new PartialDate(2024, 3, 14), PartialDate.parse("2024-03-14").orElseThrow());
        assertEquals("Mar 2024", PartialDate.parse("2024-03").orElseThrow().display());
    }

    @Test
    void shouldRejectDaysThatDoNotExist() {
        assertEquals(Optional.empty(), PartialDate.parse("Feb 30, 2023"));
        assertEquals(Optional.empty(), PartialDate.parse("2023-13-01"));
        assertEquals(Optional.empty(), PartialDate.parse("yesterday"));
        assertTrue(PartialDate.parse("Feb 29").isPresent());
        assertThrows(IllegalArgumentException.class, () -> new PartialDate(null, null, 3));
    }

    @Test
    void shouldSortNewestFirstWithUndatedYearsLast() {
        assertTrue(new PartialDate(2023, 1, 1).sortKey() > new PartialDate(2022, 12, 31).sortKey());
        assertTrue(PartialDate.ofYear(2024).sortKey() > new PartialDate(2023, 12, 31).sortKey());
        assertTrue(new PartialDate(null, 5, 28).sortKey() < PartialDate.ofYear(1990).sortKey());
    }
}
