package io.boat.kms.release;

import io.boat.attestation.client.AttestationServiceConnection;
import io.boat.attestation.client.AttestationServiceUnavailableException;
import io.boat.attestation.client.HostNotEnrolledException;
import io.boat.attestation.client.ReportSignatureException;
import io.boat.attestation.client.TrustReport;
import io.boat.attestation.client.TrustReportVerifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Trust reports from the attestation service through attestation-client: fetched with the configured
 * timeouts, JWS-verified against the service's keys (pinned or fetched), turned into an
 * {@link AttestedHost} from the signed claims only, and cached by AK name while the caller's maximum age
 * and the report's expiry allow. Only trusted reports are cached, so a host that re-attests after a
 * refusal is looked at afresh on its next request.
 */
@ApplicationScoped
public class AttestationHostReports implements HostReports {
    /** Pinned JWK set of the attestation service (JSON text or a file holding it); unset: fetched from GET /v1/keys. */
    public static final String KEYS = "boat.release.attestation-keys";
    /** Least interval between two key-set fetches caused by unknown kids, seconds. */
    public static final String KEY_REFETCH_SECONDS = "boat.release.attestation-keys-refetch-seconds";
    /** Most trust reports held in the cache. */
    public static final String CACHE_SIZE = "boat.release.report-cache-size";
    /** Seconds a fetched report is served from the cache at most (also bounded by the policy's maximum age). */
    public static final String CACHE_SECONDS = "boat.release.report-cache-seconds";
    static final String UNAVAILABLE = "The attestation service is unavailable.";
    private static final Logger LOG = Logger.getLogger(AttestationHostReports.class.getName());

    private AttestationServiceConnection connection;
    private TrustReportVerifier verifier;
    private TrustReportCache cache;
    private Clock clock;
    /** Why releases cannot be attested with this configuration; null when they can. */
    private String configurationProblem;

    /** For CDI; {@link #configure()} sets it up from MicroProfile Config. */
    public AttestationHostReports() {
    }

    /** Set up explicitly (tests, tools). */
    public AttestationHostReports(AttestationServiceConnection connection, TrustReportVerifier verifier, Clock clock,
                                  int cacheSize) {
        this.connection = connection;
        this.verifier = verifier;
        this.clock = clock;
        this.cache = new TrustReportCache(cacheSize);
    }

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        connection = AttestationServiceConnection.fromConfig(config);
        clock = Clock.systemUTC();
        cache = new TrustReportCache(config.getOptionalValue(CACHE_SIZE, Integer.class).orElse(10_000),
            Duration.ofSeconds(config.getOptionalValue(CACHE_SECONDS, Long.class).orElse(TrustReportCache.DEFAULT_TTL.toSeconds())));
        try {
            verifier = verifier(config, connection, clock);
        } catch (IllegalStateException e) {
            // Refuse releases (500, logged) rather than fail the deployment: ordinary payload reads go on.
            configurationProblem = e.getMessage();
            LOG.severe(configurationProblem);
        }
    }

    /** The pinned set when configured, else the service's own, re-fetched at most every 30 s by default. */
    public static TrustReportVerifier verifier(Config config, AttestationServiceConnection connection, Clock clock) {
        Optional<String> pinned = config.getOptionalValue(KEYS, String.class);
        if (pinned.isPresent()) {
            try {
                String value = pinned.get().strip();
                return TrustReportVerifier.pinned(value.startsWith("{") ? value : Files.readString(Path.of(value)));
            } catch (ParseException | IOException e) {
                // A configured but unreadable pin must not silently fall back to fetching keys.
                throw new IllegalStateException(KEYS + " is not a JWK set or a file holding one: " + e.getMessage(), e);
            }
        }
        Duration refetch = Duration.ofSeconds(config.getOptionalValue(KEY_REFETCH_SECONDS, Long.class).orElse(30L));
        return TrustReportVerifier.fetching(() -> {
            try {
                return connection.keySet();
            } catch (AttestationServiceUnavailableException e) {
                throw new UncheckedIOException(new IOException(e.getMessage(), e));
            }
        }, refetch, clock);
    }

    @Override
    public AttestedHost current(AkName akName, Duration maxAge) {
        if (configurationProblem != null) {
            throw unavailable(configurationProblem, null);
        }
        Instant now = clock.instant();
        Optional<AttestedHost> cached = cache.fresh(akName, maxAge, now);
        if (cached.isPresent()) {
            return cached.get();
        }
        TrustReport report = verifiedReport(akName);
        AttestedHost host = new AttestedHost(akName, report.getReportId(), report.isTrusted(), report.getReasons(),
            report.getHostGroup(), report.getLocation(), report.getAssetTag(), instant(report.getVerifiedAt()),
            instant(report.getExpiresAt()), ReportedBindKey.of(akName, report));
        if (host.trusted()) {
            cache.put(host, now);
        }
        return host;
    }

    private TrustReport verifiedReport(AkName akName) {
        String jws;
        try {
            jws = connection.signedReport(akName.hex());
        } catch (HostNotEnrolledException e) {
            throw new ReleaseRefusedException(ReleaseRefusedException.Reason.HOST_UNKNOWN,
                "The attestation service has no host with AK " + akName + ".");
        } catch (AttestationServiceUnavailableException e) {
            throw unavailable("trust report for AK " + akName + " unavailable: " + e.getMessage(), e);
        }
        TrustReport report;
        try {
            report = verifier.verify(jws);
        } catch (ReportSignatureException e) {
            throw unavailable("trust report for AK " + akName + " rejected: " + e.getMessage(), e);
        }
        if (!akName.hex().equals(report.getAkName())) {
            throw unavailable("trust report asked for AK " + akName + " is about AK " + report.getAkName(), null);
        }
        if (report.getReportId() == null) {
            throw unavailable("trust report for AK " + akName + " has no report id (jti)", null);
        }
        return report;
    }

    private static AttestationUnavailableException unavailable(String why, Throwable cause) {
        LOG.warning(why);
        return new AttestationUnavailableException(why, UNAVAILABLE, cause);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
