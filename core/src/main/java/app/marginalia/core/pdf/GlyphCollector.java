package app.marginalia.core.pdf;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Collects every glyph of every page as PDFBox positions it (diacritics already merged,
 * overlapping duplicates suppressed), in content-stream order; the reading order is ours.
 */
final class GlyphCollector extends PDFTextStripper {

    private static final Pattern BOLD = Pattern.compile("bold|black|heavy|semibold|demi|cmbx|cmb\\d|\\.b$|-b$");
    private static final Pattern MATH = Pattern.compile("cmmi|cmsy|cmex|msam|msbm|math|symbol|stix|cmmib|rsfs");

    /** One glyph: x edges and baseline from the page's top-left corner, in points. */
    record Glyph(String text, float left, float right, float baseline, float size, boolean bold, boolean math) {
    }

    record PageGlyphs(int index, float width, float height, List<Glyph> glyphs) {
    }

    final List<PageGlyphs> pages = new ArrayList<>();

    GlyphCollector() {
        setSortByPosition(false);
        setShouldSeparateByBeads(false);
    }

    @Override
    protected void writePage() {
        PDPage page = getCurrentPage();
        PDRectangle box = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        float width = turned ? box.getHeight() : box.getWidth();
        float height = turned ? box.getWidth() : box.getHeight();
        List<TextPosition> positions = new ArrayList<>();
        for (List<TextPosition> article : getCharactersByArticle()) {
            positions.addAll(article);
        }
        // Text set at an angle to the page's main direction (an arXiv stamp in the margin) is not read.
        int[] dirs = new int[4];
        for (TextPosition p : positions) {
            dirs[dirIndex(p)]++;
        }
        int mainDir = 0;
        for (int d = 1; d < 4; d++) {
            if (dirs[d] > dirs[mainDir]) {
                mainDir = d;
            }
        }
        List<Glyph> glyphs = new ArrayList<>(positions.size());
        for (TextPosition p : positions) {
            String text = p.getUnicode();
            if (text == null || text.isBlank() || dirIndex(p) != mainDir) {
                continue;
            }
            String font = p.getFont() == null || p.getFont().getName() == null
                    ? "" : p.getFont().getName().toLowerCase(Locale.ROOT);
            float size = p.getFontSizeInPt();
            if (!(size > 0.5f)) {
                size = Math.max(1f, p.getHeightDir());
            }
            float left = p.getXDirAdj();
            float right = left + Math.max(0f, p.getWidthDirAdj());
            glyphs.add(new Glyph(text, left, right, p.getYDirAdj(), size,
                    BOLD.matcher(font).find(), MATH.matcher(font).find()));
        }
        pages.add(new PageGlyphs(getCurrentPageNo() - 1, width, height, glyphs));
    }

    private static int dirIndex(TextPosition p) {
        return Math.floorMod(Math.round(p.getDir() / 90f), 4);
    }
}
