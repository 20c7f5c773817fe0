package app.marginalia.web.system;

import app.marginalia.web.seed.SeedImporter;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;

/**
 * Starts Marginalia. Command-line options: {@code --import-seeds} runs the seed import again
 * after start-up (it adds only what is missing) and prints its report; {@code --exit} stops
 * once start-up tasks are done instead of serving; {@code --help} prints the options.
 */
@QuarkusMain
public class Main implements QuarkusApplication {

    static final String USAGE = """
            Usage: java -jar quarkus-run.jar [--import-seeds] [--exit] [--help]
              --import-seeds  import the seed library again (adds only what is missing) and print the report
              --exit          stop after start-up tasks such as --import-seeds instead of serving
              --help          print this help and exit
            Settings such as the port and data directory are system properties or environment
            variables, e.g. -Dquarkus.http.port=9090 or MARGINALIA_DATA_DIR=/var/lib/marginalia.""";

    private static final Set<String> OPTIONS = Set.of("--import-seeds", "--exit", "--help");

    @Inject
    SeedImporter seedImporter;

    public static void main(String... args) {
        Quarkus.run(Main.class, args);
    }

    @Override
    public int run(String... args) {
        List<String> options = List.of(args);
        List<String> unknown = options.stream().filter(o -> !OPTIONS.contains(o)).toList();
        if (!unknown.isEmpty()) {
            System.err.println("Unknown option: " + String.join(" ", unknown) + "\n" + USAGE);
            return 2;
        }
        if (options.contains("--help")) {
            System.out.println(USAGE);
            return 0;
        }
        if (options.contains("--import-seeds")) {
            System.out.println(seedImporter.run("command line").describe());
        }
        if (!options.contains("--exit")) {
            Quarkus.waitForExit();
        }
        return 0;
    }
}
