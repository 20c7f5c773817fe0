package app.marginalia.web.system;

import app.marginalia.web.seed.SeedImporter;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/**
 * Starts Marginalia. Command-line options:
 * {@code --import-seeds} runs the seed import again after start-up (it adds only what is
 * missing), then keeps serving; {@code --help} prints the options.
 */
@QuarkusMain
public class Main implements QuarkusApplication {

    static final String USAGE = """
            Usage: java -jar quarkus-run.jar [--import-seeds] [--help]
              --import-seeds  import the seed library again (adds only what is missing), then serve
              --help          print this help and exit
            Settings such as the port and data directory are system properties or environment
            variables, e.g. -Dquarkus.http.port=9090 or MARGINALIA_DATA_DIR=/var/lib/marginalia.""";

    @Inject
    SeedImporter seedImporter;

    public static void main(String... args) {
        Quarkus.run(Main.class, args);
    }

    @Override
    public int run(String... args) {
        for (String arg : args) {
            switch (arg) {
                case "--import-seeds" -> seedImporter.run("command line");
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return 0;
                }
                default -> {
                    System.err.println("Unknown option: " + arg + "\n" + USAGE);
                    return 2;
                }
            }
        }
        Quarkus.waitForExit();
        return 0;
    }
}
