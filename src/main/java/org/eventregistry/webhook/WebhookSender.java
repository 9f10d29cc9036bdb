package org.eventregistry.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import org.eventregistry.platform.record.Records;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Sends one attempt of a delivery as the Standard Webhooks specification says: a POST of the JSON body with the
 * webhook-id, webhook-timestamp and webhook-signature headers. Redirects are never followed; the answer's body is
 * not read; the target is checked against {@link TargetGuard} after resolving its name, just before connecting
 * (the client's own lookup then gets the same answer from the JVM's address cache).
 */
@ApplicationScoped
class WebhookSender {

    private static final String USER_AGENT = "event-registry-webhooks/1";

    private final HttpClient client;
    private final TargetGuard guard;
    private final WebhookConfig config;

    WebhookSender(WebhookConfig config) {
        this.config = config;
        this.guard = new TargetGuard(config.allowPrivateTargets(), InetAddress::getAllByName);
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Outcome send(DeliveryQueue.Attempt attempt) {
        Instant at = Records.now();
        URI uri;
        try {
            uri = guard.parse(attempt.url());
            guard.checkForDelivery(uri);
        } catch (TargetGuard.Refused refused) {
            boolean unresolved = refused.getMessage().contains("does not resolve");
            return new Outcome(unresolved ? Outcome.Verdict.RETRY : Outcome.Verdict.REFUSED, 0, null,
                    "the URL " + refused.getMessage(), null, at);
        }
        long timestamp = at.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", attempt.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", SigningSecrets.signature(attempt.secrets(), attempt.messageId(), timestamp, attempt.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(attempt.payload()))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long latency = (System.nanoTime() - started) / 1_000_000;
            try (InputStream ignored = response.body()) {
                // The body is not needed; closing it drops the connection instead of reading what could be endless.
            }
            return judge(response, latency, at);
        } catch (HttpConnectTimeoutException e) {
            return retry("no connection within " + config.connectTimeout(), started, at);
        } catch (HttpTimeoutException e) {
            return retry("no answer within " + config.timeout(), started, at);
        } catch (ConnectException e) {
            return retry("connection refused", started, at);
        } catch (IOException e) {
            return retry("connection failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), started, at);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return retry("interrupted (the registry is stopping)", started, at);
        }
    }

    private static Outcome retry(String error, long started, Instant at) {
        return new Outcome(Outcome.Verdict.RETRY, 0, (System.nanoTime() - started) / 1_000_000, error, null, at);
    }

    private static Outcome judge(HttpResponse<?> response, long latency, Instant at) {
        int status = response.statusCode();
        String error = status / 100 == 2 ? null : "the receiver answered " + status;
        if (status / 100 == 2) {
            return new Outcome(Outcome.Verdict.DELIVERED, status, latency, null, null, at);
        }
        if (status == 410) {
            return new Outcome(Outcome.Verdict.GONE, status, latency, error, null, at);
        }
        if (status == 408 || status == 429 || status / 100 == 5) {
            return new Outcome(Outcome.Verdict.RETRY, status, latency, error, retryAfter(response).orElse(null), at);
        }
        if (status / 100 == 3) {
            error += " (a redirect, which is not followed)";
        }
        return new Outcome(Outcome.Verdict.REJECTED, status, latency, error, null, at);
    }

    /** Retry-After as seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(Instant.now(), ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}
