package io.boat.agent.image;

import io.boat.agent.service.KeyManagerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * Turns an image command's failure into one line {@code error (CODE): message} and exit code 1.
 * Codes are stable words: the refusal reasons of {@link ImageRejectedException}, BOAT's
 * {@code http_NNN}/{@code unreachable}, and a few for files and arguments.
 */
final class CommandErrors {
    static final int EXIT_OK = 0;
    static final int EXIT_ERROR = 1;

    private CommandErrors() {
    }

    static int report(PrintWriter err, Exception e) {
        err.println("error (" + code(e) + "): " + e.getMessage());
        err.flush();
        return EXIT_ERROR;
    }

    static String code(Exception e) {
        if (e instanceof ImageRejectedException r) {
            return r.reason().name().toLowerCase(Locale.ROOT);
        } else if (e instanceof KeyManagerException k) {
            return k.code();
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
