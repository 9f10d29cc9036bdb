package org.eventregistry.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.eventregistry.platform.config.RegistryConfig;
import org.jboss.logging.Logger;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Guards each HTTP/1.1 connection below the router, where Vert.x offers no hook of its own:
 * <ul>
 *     <li>a request head must arrive whole within {@code registry.http.request-head-timeout}, counted from the
 *     connection's opening for its first request and from the first byte of each later one; a head that trickles in
 *     (or never comes) gets a 408 problem and the connection is closed. The idle timeout
 *     ({@code quarkus.http.idle-timeout}) cannot do this: every byte restarts it.</li>
 *     <li>a head the server cannot read (a target that is not a URI, a request line or headers beyond the server's
 *     caps) gets a problem document (400, 414, 431) instead of the server's bare answer, and the connection is
 *     closed.</li>
 * </ul>
 * HTTP/2 over cleartext (h2c) is switched off so that every cleartext connection is HTTP/1.1 and guarded; TLS
 * connections, if the registry terminates TLS itself, are left as Vert.x handles them (terminate TLS at the proxy).
 */
@ApplicationScoped
public class ConnectionGuard implements HttpServerOptionsCustomizer {

    private static final Logger LOG = Logger.getLogger(ConnectionGuard.class);
    private static final String ACCEPTOR = "registry-accept-guard";
    private static final String CLOCK = "registry-head-clock";
    private static final String HEADS = "registry-head-guard";

    private final Vertx vertx;
    private final long headTimeoutNanos;
    private final ObjectMapper json;
    private final byte[] timedOut;
    private final byte[] lineTooLong;
    private final byte[] headersTooLarge;

    public ConnectionGuard(Vertx vertx, ObjectMapper json, RegistryConfig config) {
        Duration headTimeout = config.http().requestHeadTimeout();
        this.vertx = vertx;
        this.json = json;
        this.headTimeoutNanos = headTimeout.toNanos();
        this.timedOut = answer(408, "Request Timeout", new Problem("/problems/request-timeout", "Request timeout", 408,
                "The request head did not arrive within " + headTimeout.toSeconds() + " s", null, List.of()));
        this.lineTooLong = answer(414, "URI Too Long", new Problem("/problems/uri-too-long", "URI too long", 414,
                "The request line is longer than the server reads", null, List.of()));
        this.headersTooLarge = answer(431, "Request Header Fields Too Large", new Problem("/problems/request-header-fields-too-large",
                "Request header fields too large", 431, "The headers are larger than the server reads", null, List.of()));
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }

    void started(@ObservesAsync HttpServerStart start) {
        install();
    }

    /** Puts the guard on the listening channel of every HTTP server, so that each accepted connection gets one. */
    void install() {
        if (!(vertx instanceof VertxInternal internal)) {
            return;
        }
        for (TCPServerBase server : internal.sharedHttpServers().values()) {
            Channel listening = listeningChannel(server);
            if (listening != null && listening.pipeline().get(ACCEPTOR) == null) {
                listening.pipeline().addFirst(ACCEPTOR, new Acceptor());
            }
        }
    }

    private static Channel listeningChannel(TCPServerBase server) {
        try {
            Field bound = TCPServerBase.class.getDeclaredField("bindFuture");
            bound.setAccessible(true);
            Object future = bound.get(server);
            return future instanceof io.vertx.core.Future<?> f && f.succeeded() && f.result() instanceof Channel c ? c : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("The HTTP server's listening channel cannot be reached (%s): request heads have no deadline and "
                    + "unreadable heads get the server's bare answers", e);
            return null;
        }
    }

    /** On the listening channel: gives each accepted connection its clock, before Vert.x builds its pipeline. */
    @ChannelHandler.Sharable
    private final class Acceptor extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel accepted) {
                accepted.pipeline().addFirst(CLOCK, new Clock());
            }
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * First in a connection's pipeline, on raw bytes: starts the deadline when a head is due (at the opening, then at
     * the first byte after the previous answer ended) and, when it passes, answers 408 and closes.
     */
    private final class Clock extends ChannelInboundHandlerAdapter {
        private ScheduledFuture<?> deadline;
        /** Requests whose head arrived and whose answer has not ended yet. */
        private int open;
        private boolean guarded;
        private boolean closing;

        @Override
        public void channelRegistered(ChannelHandlerContext ctx) {
            // Vert.x has built the pipeline by now (its initializer runs as the channel registers).
            ChannelPipeline pipeline = ctx.pipeline();
            if (pipeline.get("ssl") == null && pipeline.get("httpDecoder") != null && pipeline.get("handler") != null) {
                pipeline.addBefore("handler", HEADS, new Heads(this));
                guarded = true;
            } else {
                pipeline.remove(this);
            }
            ctx.fireChannelRegistered();
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (guarded) {
                start(ctx);
            }
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (closing) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (open == 0 && deadline == null && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                start(ctx);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            stop();
            ctx.fireChannelInactive();
        }

        private void start(ChannelHandlerContext ctx) {
            if (headTimeoutNanos > 0) {
                deadline = ctx.executor().schedule(() -> expire(ctx), headTimeoutNanos, TimeUnit.NANOSECONDS);
            }
        }

        private void stop() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }

        private void expire(ChannelHandlerContext ctx) {
            deadline = null;
            if (open == 0 && !closing && ctx.channel().isActive()) {
                refuse(ctx, timedOut);
            }
        }

        private void refuse(ChannelHandlerContext ctx, byte[] answer) {
            closing = true;
            stop();
            ctx.writeAndFlush(Unpooled.wrappedBuffer(answer)).addListener(ChannelFutureListener.CLOSE);
        }

        void headArrived() {
            open++;
            stop();
        }

        void answerEnded() {
            if (open > 0) {
                open--;
            }
        }
    }

    /**
     * Just before Vert.x's connection handler, on decoded messages: a whole head stops the clock, an unreadable one
     * is answered with a problem; the end of each answer lets the clock start again at the next byte.
     */
    private final class Heads extends ChannelDuplexHandler {
        private final Clock clock;

        Heads(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                byte[] refusal = refusal(request);
                if (refusal != null) {
                    ReferenceCountUtil.release(msg);
                    ChannelHandlerContext raw = ctx.pipeline().context(CLOCK);
                    clock.refuse(raw, refusal);
                    return;
                }
                clock.headArrived();
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof LastHttpContent) {
                clock.answerEnded();
            }
            ctx.write(msg, promise);
        }
    }

    /** The answer to a head the server cannot read, or null when it can. */
    private byte[] refusal(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            if (cause instanceof TooLongHttpLineException
                    || cause instanceof TooLongFrameException && String.valueOf(cause.getMessage()).startsWith("An HTTP line")) {
                return lineTooLong;
            }
            if (cause instanceof TooLongFrameException) { // TooLongHttpHeaderException, or another part of the head
                return headersTooLarge;
            }
            return badRequest("The request head cannot be read as HTTP/1.1");
        }
        String target = request.uri();
        if (!target.startsWith("/") && !target.startsWith("http://") && !target.startsWith("https://")
                && !("*".equals(target) && "OPTIONS".equals(request.method().name()))) {
            return badRequest("The request target is not a path");
        }
        try {
            new URI(target);
        } catch (URISyntaxException e) {
            return badRequest("The request target is not a URI: " + e.getReason());
        }
        return null;
    }

    private byte[] badRequest(String detail) {
        return answer(400, "Bad Request", new Problem("/problems/bad-request", "Bad request", 400, detail, null, List.of()));
    }

    private byte[] answer(int status, String reason, Problem problem) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + Problem.MEDIA_TYPE
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
