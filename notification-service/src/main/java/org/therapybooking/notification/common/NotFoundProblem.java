package org.therapybooking.notification.common;

/** A domain "no such thing"; mapped to a 404 problem. */
public class NotFoundProblem extends RuntimeException {
    public NotFoundProblem(String message) {
        super(message);
    }
}
