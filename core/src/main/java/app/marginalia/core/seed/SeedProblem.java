package app.marginalia.core.seed;

/** Something the import could not take as it stood: where it is (file, 1-based line) and why. */
public record SeedProblem(String file, int line, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
