package io.boat.listener;

/** Barbican's error body, {@code {"code": 400, "title": "Bad Request", "description": "..."}}, for answers given before the application. */
final class ErrorBody {

    private ErrorBody() {
    }

    static String title(int status) {
        return status == 505 ? "HTTP Version Not Supported" : "Bad Request";
    }

    /** {@code description} is one of this package's fixed texts: nothing the client sent is echoed. */
    static String json(int status, String description) {
        return "{\"code\": " + status + ", \"title\": \"" + title(status) + "\", \"description\": \"" + description + "\"}";
    }
}
