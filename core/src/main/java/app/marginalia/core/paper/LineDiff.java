package app.marginalia.core.paper;

import java.util.ArrayList;
import java.util.List;

/**
 * A readable line diff of two versions of a paper's text, for an administrator reviewing a change.
 * Lines common to both ends are trimmed first; the changed middle is matched by longest common
 * subsequence when it is small enough, else shown as removed then added (a review needs to see
 * what changed, not the smallest edit script, and a million-character text must not cost minutes).
 * Long unchanged runs are folded into one {@link Kind#SKIPPED} line.
 */
public final class LineDiff {

    /** Whether a line is in both versions, only the old one, only the new one, or stands for folded lines. */
    public enum Kind { SAME, REMOVED, ADDED, SKIPPED }

    /** One line of the diff; a {@code SKIPPED} line's text says how many lines it folds. */
    public record Line(Kind kind, String text) {

        /** The sign a diff shows before the line: {@code -}, {@code +}, {@code …} or a space. */
        public String marker() {
            return switch (kind) {
                case REMOVED -> "- ";
                case ADDED -> "+ ";
                case SKIPPED -> "… ";
                case SAME -> "  ";
            };
        }
    }

    /** Unchanged lines kept on each side of a change. */
    static final int CONTEXT = 2;
    /** The largest changed middle (old lines × new lines) matched line by line. */
    static final long MATCH_BUDGET = 1_000_000;

    private LineDiff() {
    }

    public static List<Line> of(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head
                && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        List<Line> all = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            all.add(new Line(Kind.SAME, a[i]));
        }
        middle(a, head, a.length - tail, b, head, b.length - tail, all);
        for (int i = a.length - tail; i < a.length; i++) {
            all.add(new Line(Kind.SAME, a[i]));
        }
        return fold(all);
    }

    private static void middle(String[] a, int aFrom, int aTo, String[] b, int bFrom, int bTo, List<Line> out) {
        int n = aTo - aFrom;
        int m = bTo - bFrom;
        if ((long) n * m > MATCH_BUDGET) {
            for (int i = aFrom; i < aTo; i++) {
                out.add(new Line(Kind.REMOVED, a[i]));
            }
            for (int j = bFrom; j < bTo; j++) {
                out.add(new Line(Kind.ADDED, b[j]));
            }
            return;
        }
        // lcs[i][j]: length of the longest common subsequence of a[aFrom+i..] and b[bFrom+j..].
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[aFrom + i].equals(b[bFrom + j]) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[aFrom + i].equals(b[bFrom + j])) {
                out.add(new Line(Kind.SAME, a[aFrom + i]));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // Removals first, so a replaced line reads as the old line then the new one.
                out.add(new Line(Kind.REMOVED, a[aFrom + i]));
                i++;
            } else {
                out.add(new Line(Kind.ADDED, b[bFrom + j]));
                j++;
            }
        }
    }

    /** Keeps {@link #CONTEXT} unchanged lines around each change and folds the rest. */
    private static List<Line> fold(List<Line> all) {
        boolean[] keep = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).kind() != Kind.SAME) {
                for (int k = Math.max(0, i - CONTEXT); k <= Math.min(all.size() - 1, i + CONTEXT); k++) {
                    keep[k] = true;
                }
            }
        }
        List<Line> folded = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < all.size(); i++) {
            if (keep[i]) {
                if (skipped > 0) {
                    folded.add(skippedLine(skipped));
                    skipped = 0;
                }
                folded.add(all.get(i));
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            folded.add(skippedLine(skipped));
        }
        return folded;
    }

    private static Line skippedLine(int count) {
        return new Line(Kind.SKIPPED, count == 1 ? "1 unchanged line" : count + " unchanged lines");
    }
}
