package app.marginalia.core.paper;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publication date as precise as its source: a full date ({@code Sep 21, 2022}), a month and
 * day without a year ({@code May 28}: paper sites omit the current year), or a year alone.
 * A missing year is never invented.
 */
public record PartialDate(Integer year, Integer month, Integer day) {

    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? (\\d{1,2})(?:, (\\d{4}))?");
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

    public PartialDate {
        if (year == null && month == null) {
            throw new IllegalArgumentException("a date needs at least a year or a month");
        }
        if (day != null && month == null) {
            throw new IllegalArgumentException("a day needs a month");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("no month " + month);
        }
        if (day != null) {
            try {
                // 2000 is a leap year, so Feb 29 without a year is accepted.
                LocalDate.of(year == null ? 2000 : year, month, day);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("no such day: " + e.getMessage(), e);
            }
        }
    }

    public static PartialDate ofYear(int year) {
        return new PartialDate(year, null, null);
    }

    /**
     * Reads {@code Sep 21, 2022}, {@code May 28}, {@code 2024}, {@code 2024-03} or
     * {@code 2024-03-14}; empty when the text is none of these or names no real day.
     */
    public static Optional<PartialDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        try {
            Matcher m = MONTH_DAY_YEAR.matcher(trimmed);
            if (m.matches()) {
                int month = Month.valueOf(monthName(m.group(1))).getValue();
                Integer year = m.group(3) == null ? null : Integer.valueOf(m.group(3));
                return Optional.of(new PartialDate(year, month, Integer.valueOf(m.group(2))));
            }
            m = ISO.matcher(trimmed);
            if (m.matches()) {
                return Optional.of(new PartialDate(Integer.valueOf(m.group(1)),
                        m.group(2) == null ? null : Integer.valueOf(m.group(2)),
                        m.group(3) == null ? null : Integer.valueOf(m.group(3))));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** As a reader would write it: {@code Sep 21, 2022}, {@code May 28}, {@code 2024}. */
    public String display() {
        StringBuilder out = new StringBuilder();
        if (month != null) {
            out.append(Month.of(month).getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            if (day != null) {
                out.append(' ').append(day);
            }
        }
        if (year != null) {
            if (day != null) {
                out.append(',');
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(year);
        }
        return out.toString();
    }

    /** Machine form for JSON and forms: {@code 2022-09-21}, {@code 2024}, {@code --05-28}. */
    public String iso() {
        String monthDay = month == null ? "" : "-%02d".formatted(month) + (day == null ? "" : "-%02d".formatted(day));
        return year == null ? "-" + monthDay : year + monthDay;
    }

    /**
     * Orders dates newest first in the library. Dates without a year cannot be placed among
     * dated ones without guessing, so they sort as oldest (key below every real year).
     */
    public int sortKey() {
        int y = year == null ? 0 : year;
        return y * 10000 + (month == null ? 0 : month) * 100 + (day == null ? 0 : day);
    }

    private static String monthName(String abbreviation) {
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals(abbreviation)) {
                return month.name();
            }
        }
        throw new IllegalArgumentException("no month " + abbreviation);
    }
}
