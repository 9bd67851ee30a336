package io.boat.agent;

import io.boat.agent.service.HttpAttestationApi;
import io.boat.agent.service.ServiceException;
import io.boat.agent.service.TlsFiles;
import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.TpmAddress;
import io.boat.agent.tpm.TpmUnavailableException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Command line: {@code boat-agent enroll|attest [--tpm ADDR] [--service URL] [--state-dir DIR] [--json]}.
 * The common options are inherited, so they may come before or after the subcommand, and every
 * subcommand has {@code --help}.
 */
@Command(name = "boat-agent", mixinStandardHelpOptions = true, version = "boat-agent 0.1.0",
    description = "Enrolls this host's TPM with the BOAT attestation service and attests its boot state.",
    subcommands = {Main.Enroll.class, Main.Attest.class})
public final class Main {
    static final int EXIT_OK = 0;
    static final int EXIT_ERROR = 1;
    static final int EXIT_UNTRUSTED = 2;

    @Option(names = HostOptions.TPM, scope = ScopeType.INHERIT, defaultValue = "${env:BOAT_TPM}",
        description = "TPM: device:/dev/tpmrm0 (default), tcp:HOST:PORT or swtpm:host=HOST,port=PORT (env BOAT_TPM)")
    String tpm;

    @Option(names = HostOptions.SERVICE, scope = ScopeType.INHERIT, defaultValue = "${env:BOAT_ATTESTATION_URL:-http://localhost:9312/attestation-service/api}",
        description = "Attestation service base URL (env BOAT_ATTESTATION_URL)")
    String service;

    @Option(names = HostOptions.STATE_DIR, scope = ScopeType.INHERIT, defaultValue = "${env:BOAT_AGENT_STATE:-${sys:user.home}/.boat-agent}",
        description = "Where key blobs and the enrollment record are kept (env BOAT_AGENT_STATE)")
    Path stateDir;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print machine-readable JSON")
    boolean json;

    @Option(names = HostOptions.CACERT, scope = ScopeType.INHERIT, defaultValue = "${env:BOAT_CACERT}", paramLabel = "FILE",
        description = "PEM CA bundle to trust for HTTPS to BOAT and the attestation service, instead of the JDK's "
            + "default trust store (env BOAT_CACERT)")
    Path cacert;

    @Option(names = HostOptions.CERT, scope = ScopeType.INHERIT, defaultValue = "${env:BOAT_CERT}", paramLabel = "FILE",
        description = "PEM client certificate (chain) for mutual TLS; needs --key (env BOAT_CERT)")
    Path cert;

    @Option(names = HostOptions.KEY, scope = ScopeType.INHERIT, defaultValue = "${env:BOAT_KEY}", paramLabel = "FILE",
        description = "The client certificate's unencrypted PKCS#8 PEM private key (env BOAT_KEY)")
    Path key;

    PrintWriter out;

    Agent agent(AgentTpm agentTpm) {
        return new Agent(agentTpm, new HttpAttestationApi(service, new TlsFiles(cacert, cert, key)), new StateDir(stateDir));
    }

    int fail(Exception e) {
        String code = e instanceof ServiceException se ? se.code() : e instanceof TpmUnavailableException ? "no_tpm"
            : e instanceof IllegalArgumentException ? "bad_argument" : "error";
        if (json) {
            out.println(Json.createObjectBuilder().add("error", code).add("description", String.valueOf(e.getMessage())).build());
        } else {
            out.println("error (" + code + "): " + e.getMessage());
        }
        out.flush();
        return EXIT_ERROR;
    }

    @Command(name = "enroll", mixinStandardHelpOptions = true, description = "Create (or reuse) the AK and bind key, enroll and activate the AK, register the bind key.")
    static final class Enroll implements Callable<Integer> {
        @ParentCommand
        Main main;

        @Option(names = "--hostname", description = "Host name reported to the service (default: this host's name)")
        String hostname;

        @Option(names = "--pcr-bound", description = "Create the bind key with a TPM2_PolicyPCR authPolicy over the current "
            + "values of the host group's PCRs, so the TPM refuses to unwrap once they change (replaces a bind key bound otherwise)")
        boolean pcrBound;

        @Option(names = "--pcrs", paramLabel = "[sha256:]N,N,...", description = "With --pcr-bound: the PCRs (SHA-256 bank) "
            + "of the policy; must be those of the host group's reference values (default: the PCRs the service asks to quote)")
        String pcrs;

        @Override
        public Integer call() {
            List<Integer> policyPcrs;
            try {
                if (pcrs != null && !pcrBound) {
                    throw new IllegalArgumentException("--pcrs applies only with --pcr-bound");
                }
                policyPcrs = parsePcrs(pcrs);
            } catch (IllegalArgumentException e) {
                return main.fail(e);
            }
            try (AgentTpm t = AgentTpm.open(TpmAddress.parse(main.tpm))) {
                String name = hostname != null ? hostname : InetAddress.getLocalHost().getHostName();
                Agent.EnrollResult r = main.agent(t).enroll(name, pcrBound, policyPcrs);
                if (main.json) {
                    main.out.println(Json.createObjectBuilder().add("hostId", r.hostId()).add("akName", r.akName())
                        .add("bindKeyName", r.bindKeyName()).add("alreadyEnrolled", r.alreadyEnrolled())
                        .add("bindKeyPcrs", Json.createArrayBuilder(r.bindKeyPcrs())).build());
                } else {
                    main.out.println((r.alreadyEnrolled() ? "already enrolled" : "enrolled") + ": host " + r.hostId());
                    main.out.println("  AK name:       " + r.akName());
                    main.out.println("  bind key name: " + r.bindKeyName());
                    if (!r.bindKeyPcrs().isEmpty()) {
                        main.out.println("  bind key bound to PCRs (sha256): " + r.bindKeyPcrs());
                    }
                }
                main.out.flush();
                return EXIT_OK;
            } catch (Exception e) {
                return main.fail(e);
            }
        }
    }

    /** {@code sha256:0,1,7} or {@code 0,1,7}; null or blank is the empty list. */
    static List<Integer> parsePcrs(String spec) {
        if (spec == null || spec.isBlank()) {
            return List.of();
        }
        String list = spec.strip();
        if (list.regionMatches(true, 0, "sha256:", 0, 7)) {
            list = list.substring(7);
        }
        if (!list.matches("\\d{1,2}(,\\d{1,2})*")) {
            throw new IllegalArgumentException("Invalid PCR list '" + spec + "'; expected e.g. sha256:0,1,7 (SHA-256 bank only)");
        }
        List<Integer> pcrs = java.util.Arrays.stream(list.split(",")).map(Integer::valueOf).distinct().sorted().toList();
        if (pcrs.get(pcrs.size() - 1) > 23) {
            throw new IllegalArgumentException("Invalid PCR list '" + spec + "'; PCRs are 0 to 23");
        }
        return pcrs;
    }

    @Command(name = "attest", mixinStandardHelpOptions = true, description = "Quote the PCRs over a fresh nonce and report the service's verdict.")
    static final class Attest implements Callable<Integer> {
        @ParentCommand
        Main main;

        @Option(names = "--pcrs", split = ",", description = "PCRs to quote (default: those the service asks for)")
        List<Integer> pcrs;

        @Option(names = "--watch", description = "Re-attest every SECONDS until interrupted")
        Integer watchSeconds;

        @Override
        public Integer call() throws Exception {
            int rc;
            do {
                rc = once();
                if (watchSeconds != null) {
                    Thread.sleep(watchSeconds * 1000L);
                }
            } while (watchSeconds != null);
            return rc;
        }

        private int once() {
            try (AgentTpm t = AgentTpm.open(TpmAddress.parse(main.tpm))) {
                Agent.AttestResult r = main.agent(t).attest(pcrs);
                if (main.json) {
                    JsonArrayBuilder reasons = Json.createArrayBuilder();
                    r.verdict().reasons().forEach(reasons::add);
                    JsonArrayBuilder quoted = Json.createArrayBuilder();
                    r.pcrs().forEach(quoted::add);
                    main.out.println(Json.createObjectBuilder().add("akName", r.akName())
                        .add("trusted", r.verdict().trusted()).add("reasons", reasons).add("pcrs", quoted)
                        .add("expiresAt", String.valueOf(r.verdict().expiresAt())).add("millis", r.millis())
                        .add("jws", r.verdict().jws()).build());
                } else {
                    main.out.println((r.verdict().trusted() ? "TRUSTED" : "UNTRUSTED") + " (AK " + r.akName()
                        + ", PCRs " + r.pcrs() + ", " + r.millis() + " ms)");
                    r.verdict().reasons().forEach(reason -> main.out.println("  - " + reason));
                    if (r.verdict().trusted()) {
                        main.out.println("  valid until " + r.verdict().expiresAt());
                    }
                }
                main.out.flush();
                return r.verdict().trusted() ? EXIT_OK : EXIT_UNTRUSTED;
            } catch (Exception e) {
                return main.fail(e);
            }
        }
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(PrintWriter out, String... args) {
        return commandLine(out).execute(args);
    }

    /** The command line with every subcommand, printing to {@code out} (tests reach subcommands through it). */
    public static CommandLine commandLine(PrintWriter out) {
        Main main = new Main();
        main.out = out;
        CommandLine cl = new CommandLine(main);
        cl.addSubcommand(new io.boat.agent.image.EncryptImageCommand());
        cl.addSubcommand(new io.boat.agent.image.DecryptImageCommand());
        cl.addSubcommand(new io.boat.agent.vm.LaunchCommand());
        cl.addSubcommand(new FetchKeyCommand());
        cl.setOut(out);
        cl.setErr(out);
        return cl;
    }

    /** Our output goes to the real stdout; TSS.Java's own diagnostics (printed to System.out) go to stderr. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        System.setOut(System.err);
        System.exit(run(out, args));
    }
}
