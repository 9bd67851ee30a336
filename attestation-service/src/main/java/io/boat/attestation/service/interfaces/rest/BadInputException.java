package io.boat.attestation.service.interfaces.rest;

/** A request value is missing, wrongly encoded or too large; answered with 400. */
class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
