package org.praxis.platform.events;

/** An event that can never be applied (malformed, unknown version): it goes to the DLQ without retries. */
public class UnprocessableEvent extends RuntimeException {
    public UnprocessableEvent(String message) {
        super(message);
    }

    public UnprocessableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
