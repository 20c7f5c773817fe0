package app.marginalia.web.importing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** Where imports fetch from, how long they wait, and how much they accept: {@code marginalia.import.*}. */
@ConfigMapping(prefix = "marginalia.import")
public interface ImportConfig {

    /** The arXiv API's query address; the id goes in {@code id_list}. */
    @WithDefault("https://export.arxiv.org/api/query")
    URI arxivApiUrl();

    /** Prefix of arXiv's PDF addresses; the (versioned) id is appended. */
    @WithDefault("https://arxiv.org/pdf/")
    String arxivPdfUrl();

    /** The DOI resolver; the DOI is appended and metadata asked for as CSL-JSON. */
    @WithDefault("https://doi.org/")
    String doiUrl();

    /** How long to wait for a connection. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** How long to wait for an answer once connected. */
    @WithDefault("PT20S")
    Duration readTimeout();

    /** arXiv asks for at most one request every three seconds, from the whole instance. */
    @WithDefault("PT3S")
    Duration arxivInterval();

    /** The longest an import waits for its turn at arXiv before it is refused (busy). */
    @WithDefault("PT30S")
    Duration arxivMaxWait();

    /** The largest metadata answer read (a feed or a CSL-JSON record). */
    @WithDefault("2097152")
    int maxMetadataBytes();

    /** The largest PDF downloaded. */
    @WithDefault("104857600")
    int maxPdfBytes();

    /** Imports (one id, one DOI, one BibTeX file, one fetch of a full text) per account per window. */
    @WithDefault("30")
    int perAccount();

    @WithDefault("PT1H")
    Duration window();
}
