package app.marginalia.web.system;

import app.marginalia.core.account.SignedToken;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs session cookies and CSRF tokens. It comes from configuration; without
 * one, it is generated once and kept in the data directory, so sign-ins survive a restart and
 * no key is ever part of the code.
 */
@ApplicationScoped
public class SessionKeys {

    private static final Logger LOG = Logger.getLogger(SessionKeys.class);
    static final String FILE = "session.key";

    private final SignedToken signer;

    SessionKeys(MarginaliaConfig config) {
        byte[] key = config.session().key().map(k -> k.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> keyFile(config.dataDir().resolve(FILE)));
        if (key.length < 32) {
            throw new IllegalStateException("marginalia.session.key must be at least 32 characters long");
        }
        this.signer = new SignedToken(key);
    }

    public SignedToken signer() {
        return signer;
    }

    private static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    LOG.debug("file system without POSIX permissions; session key left with default permissions");
                }
                LOG.infof("Generated a new session signing key in %s", file.toAbsolutePath());
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the session key " + file, e);
        }
    }
}
