package org.therapybooking.meetinglink.support;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.Context;

/**
 * Test-only: tells in a response header whether the endpoint ran on the event loop, so the tests can pin which
 * endpoint is answered where (the single link on the event loop is part of its cost per request).
 */
public class HandlerThreadFilter {

    public static final String HEADER = "X-Test-Event-Loop";

    @ServerResponseFilter
    public void report(ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, String.valueOf(Context.isOnEventLoopThread()));
    }
}
