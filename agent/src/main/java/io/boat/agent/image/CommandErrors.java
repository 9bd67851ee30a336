package io.boat.agent.image;

import io.boat.agent.release.HostNotTrustedException;
import io.boat.agent.release.NotEnrolledException;
import io.boat.agent.release.WrappedKeyRejectedException;
import io.boat.agent.service.ServiceException;
import io.boat.agent.tpm.PcrPolicyFailedException;
import io.boat.agent.tpm.TpmUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import tss.TpmException;

/**
 * Turns an image or key command's failure into one line {@code error (CODE): message} and exit code 1.
 * Codes are stable words: the refusal reasons of {@link ImageRejectedException} and
 * {@link WrappedKeyRejectedException}, BOAT's {@code http_NNN}/{@code unreachable} (the message carries
 * BOAT's own reason) or the attestation service's error code, the TPM's refusals, and a few for files and arguments.
 */
public final class CommandErrors {
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;

    private CommandErrors() {
    }

    public static int report(PrintWriter err, Exception e) {
        err.println("error (" + code(e) + "): " + e.getMessage());
        err.flush();
        return EXIT_ERROR;
    }

    static String code(Exception e) {
        if (e instanceof ImageRejectedException r) {
            return r.reason().name().toLowerCase(Locale.ROOT);
        } else if (e instanceof ServiceException k) {
            return k.code();
        } else if (e instanceof WrappedKeyRejectedException w) {
            return w.code();
        } else if (e instanceof PcrPolicyFailedException) {
            return "pcr_policy_failed";
        } else if (e instanceof HostNotTrustedException) {
            return "untrusted";
        } else if (e instanceof NotEnrolledException) {
            return "not_enrolled";
        } else if (e instanceof TpmUnavailableException) {
            return "no_tpm";
        } else if (e instanceof TpmException) {
            return "tpm_error";
        } else if (e instanceof FileAlreadyExistsException) {
            return "output_exists";
        } else if (e instanceof NoSuchFileException) {
            return "no_such_file";
        } else if (e instanceof IllegalArgumentException) {
            return "bad_argument";
        } else if (e instanceof IOException) {
            return "io_error";
        }
        return "error";
    }
}
