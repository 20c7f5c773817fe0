package app.marginalia.core.seed;

/**
 * Something the import could not take as it stood: where it is (file, 1-based line, or 0 for
 * the whole file) and why.
 */
public record SeedProblem(String file, int line, String reason) {

    @Override
    public String toString() {
        return line == 0 ? file + ": " + reason : file + ":" + line + ": " + reason;
    }
}
