package org.eventregistry.platform.http;

import io.vertx.core.http.HttpClosedException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that went away mid-request is not a failure of the registry (no 500, no error in the log). */
class ClientHungUpTest {

    @Test
    void aConnectionClosedBeforeOrWhileTheBodyIsReadIsTheClientsDoing() {
        // As RESTEasy Reactive reports a body asked for after the connection closed (wrk stopping mid-request).
        assertTrue(ProblemMapper.clientHungUp(new IOException(closedAt("org.jboss.resteasy.reactive.server.vertx.VertxInputStream$VertxBlockingInput"))));
        assertTrue(ProblemMapper.clientHungUp(new IllegalStateException(new HttpClosedException("closed"))));
    }

    @Test
    void aClosedChannelOfTheServersOwnIsAFailure() {
        // H2's file channel closed by an interrupt: the registry's fault, answered 500 and logged.
        assertFalse(ProblemMapper.clientHungUp(new IllegalStateException(closedAt("org.h2.store.fs.disk.FileDisk"))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ProblemMapper.clientHungUp(new IOException("disk full")));
        assertFalse(ProblemMapper.clientHungUp(new IllegalStateException("a bug")));
    }

    private static ClosedChannelException closedAt(String className) {
        ClosedChannelException closed = new ClosedChannelException();
        closed.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, "read", null, 1)});
        return closed;
    }
}
