package org.eventregistry.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eventregistry.access.AuditEntry;
import org.eventregistry.access.AuditLog;
import org.eventregistry.access.Caller;
import org.eventregistry.access.Identity;
import org.eventregistry.access.Role;
import org.eventregistry.change.ChangeFeed;
import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.error.RegistryException;
import org.eventregistry.platform.http.Versions;
import org.eventregistry.platform.json.MergePatch;
import org.eventregistry.platform.paging.Page;
import org.eventregistry.platform.paging.Paging;
import org.eventregistry.platform.paging.Sort;
import org.eventregistry.platform.paging.SortKey;
import org.eventregistry.platform.paging.Where;
import org.eventregistry.platform.record.Records;
import org.eventregistry.platform.text.Ids;
import org.eventregistry.platform.validation.Validation;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Webhook subscriptions: partners (any token) manage their own, admins all of them. A subscription starts at the
 * change log's current head; {@link WebhookDispatcher} delivers from there.
 */
@ApplicationScoped
public class WebhookService {

    static final String KIND = "webhook";
    static final Duration DEFAULT_GRACE = Duration.ofHours(24);
    static final Duration MAX_GRACE = Duration.ofDays(7);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");
    private static final Set<String> NO_NULL_STATE = Set.of("url", "types", "active");

    private final EntityManager em;
    private final ObjectMapper json;
    private final Validation validation;
    private final AuditLog audit;
    private final Caller caller;
    private final Paging paging;
    private final ChangeFeed feed;
    private final TargetGuard guard;
    private final Event<DeliveriesQueued> queued;

    public WebhookService(EntityManager em, ObjectMapper json, Validation validation, AuditLog audit, Caller caller, Paging paging,
                          ChangeFeed feed, WebhookConfig config, Event<DeliveriesQueued> queued) {
        this.em = em;
        this.json = json;
        this.validation = validation;
        this.audit = audit;
        this.caller = caller;
        this.paging = paging;
        this.feed = feed;
        this.guard = new TargetGuard(config.allowPrivateTargets(), InetAddress::getAllByName);
        this.queued = queued;
    }

    @Transactional
    public WebhookView create(WebhookFields fields) {
        Webhook w = new Webhook();
        apply(w, check(fields));
        w.id = Ids.next();
        w.owner = owner();
        w.secret = SigningSecrets.newSecret();
        w.cursorSeq = feed.head();
        w.createdBy = audit.actor();
        w.createdAt = Records.now();
        w.updatedAt = w.createdAt;
        w.version = 1;
        w.persist();
        audit.record(KIND, w.id, AuditEntry.Operation.CREATE);
        return view(w, w.secret);
    }

    public Page<WebhookView> list(String limit, String cursor) {
        Sort sort = Sort.parse(null, "-createdAt", Map.of("createdAt", new SortKey("createdAt", "createdAt", SortKey.Kind.INSTANT)));
        String owner = seesAll() ? null : owner();
        return paging.page(new Paging.Source<>(Webhook.class, (w, key) -> key.equals("id") ? w.id : w.createdAt, w -> view(w, null)),
                new Where().and("r.owner = :owner", "owner", owner), sort, "webhooks", limit, cursor);
    }

    public WebhookView get(String id) {
        return view(find(id, false), null);
    }

    /** A merge patch (RFC 7396); {@code "active": true} resumes a paused subscription where it stopped. */
    @Transactional
    public WebhookView patch(String id, JsonNode patch, String ifMatch) throws JsonProcessingException {
        Webhook w = find(id, true);
        Versions.checkIfMatch(ifMatch, w.id, w.version, "The webhook");
        boolean wasActive = w.active;
        WebhookFields fields = check(MergePatch.apply(json, WebhookFields.of(w), patch, WebhookFields.class, NO_NULL_STATE));
        apply(w, fields);
        if (w.active && !wasActive) {
            resume(w);
        }
        touch(w);
        audit.record(KIND, w.id, AuditEntry.Operation.UPDATE);
        return view(w, null);
    }

    @Transactional
    public void delete(String id, String ifMatch) {
        Webhook w = find(id, true);
        Versions.checkIfMatch(ifMatch, w.id, w.version, "The webhook");
        WebhookDelivery.delete("webhookId", w.id);
        w.delete();
        audit.record(KIND, w.id, AuditEntry.Operation.DELETE);
    }

    /** A new secret, shown once; the previous one keeps signing (beside the new one) for the grace period. */
    @Transactional
    public WebhookView rotate(String id, String gracePeriod) {
        Duration grace = grace(gracePeriod);
        Webhook w = find(id, true);
        w.previousSecret = grace.isZero() ? null : w.secret;
        w.previousSecretUntil = grace.isZero() ? null : Records.now().plus(grace);
        w.secret = SigningSecrets.newSecret();
        touch(w);
        audit.record(KIND, w.id, AuditEntry.Operation.UPDATE);
        return view(w, w.secret);
    }

    /** Queues a webhook.ping delivery, sent like any other (after those already queued). */
    @Transactional
    public DeliveryView ping(String id) {
        Webhook w = find(id, true);
        requireActive(w);
        String deliveryId = Ids.next();
        Instant now = Records.now();
        String body = "{\"type\":\"" + ChangeTypes.PING + "\",\"timestamp\":" + quoted(now) + ",\"data\":{\"webhookId\":\""
                + w.id + "\"}}";
        return DeliveryView.of(queue(w, deliveryId, "msg_" + deliveryId, ChangeTypes.PING, null, body, now));
    }

    public Page<DeliveryView> deliveries(String id, String limit, String cursor) {
        Webhook w = find(id, false);
        Sort sort = Sort.parse(null, "-createdAt", Map.of("createdAt", new SortKey("createdAt", "createdAt", SortKey.Kind.INSTANT)));
        return paging.page(new Paging.Source<>(WebhookDelivery.class, (d, key) -> key.equals("id") ? d.id : d.createdAt, DeliveryView::of),
                new Where().and("r.webhookId = :webhook", "webhook", w.id), sort, "deliveries " + w.id, limit, cursor);
    }

    /** Queues the message of a past delivery again, with the same webhook-id, so receivers can tell it is the same message. */
    @Transactional
    public DeliveryView redeliver(String id, String deliveryId) {
        Webhook w = find(id, true);
        requireActive(w);
        WebhookDelivery past = WebhookDelivery.<WebhookDelivery>findByIdOptional(deliveryId)
                .filter(d -> d.webhookId.equals(w.id))
                .orElseThrow(() -> new RegistryException.NotFound("The webhook has no delivery with the id '" + deliveryId + "'"));
        return DeliveryView.of(queue(w, Ids.next(), past.messageId, past.type, past.changeSeq, past.payload, Records.now()));
    }

    private WebhookDelivery queue(Webhook w, String deliveryId, String messageId, String type, Long changeSeq, String payload, Instant now) {
        WebhookDelivery d = new WebhookDelivery();
        d.id = deliveryId;
        d.webhookId = w.id;
        d.messageId = messageId;
        d.queuePosition = DeliveryQueue.nextPosition(em);
        d.changeSeq = changeSeq;
        d.type = type;
        d.payload = payload;
        d.status = WebhookDelivery.Status.PENDING;
        d.createdAt = now;
        d.nextAttemptAt = now;
        d.persist();
        queued.fire(new DeliveriesQueued(w.id));
        return d;
    }

    /** Clears the pause and arms the deliveries it held, with a fresh retry period. */
    private void resume(Webhook w) {
        w.pausedReason = null;
        w.pausedAt = null;
        em.createQuery("update WebhookDelivery d set d.nextAttemptAt = :now, d.firstAttemptAt = null"
                        + " where d.webhookId = :id and d.status = :pending")
                .setParameter("now", Records.now()).setParameter("id", w.id).setParameter("pending", WebhookDelivery.Status.PENDING)
                .executeUpdate();
        queued.fire(new DeliveriesQueued(w.id));
    }

    private void requireActive(Webhook w) {
        if (!w.active) {
            throw new RegistryException.Conflict("The webhook is not active" + (w.pausedReason == null ? "" : " (" + w.pausedReason + ")")
                    + "; resume it with {\"active\": true} first");
        }
    }

    private WebhookFields check(WebhookFields fields) {
        validation.check(fields);
        List<FieldError> errors = new ArrayList<>();
        try {
            guard.checkWritten(fields.url().strip());
        } catch (TargetGuard.Refused refused) {
            errors.add(new FieldError("/url", refused.getMessage()));
        }
        for (int i = 0; i < fields.types().size(); i++) {
            int index = i;
            ChangeTypes.problem(ChangeTypes.normalise(fields.types().get(i)))
                    .ifPresent(p -> errors.add(new FieldError("/types/" + index, p)));
        }
        plain(fields.topics(), "/topics", errors);
        plain(fields.series(), "/series", errors);
        if (fields.description() != null && CONTROL.matcher(fields.description()).find()) {
            errors.add(new FieldError("/description", "must not contain control characters or line breaks"));
        }
        if (!errors.isEmpty()) {
            throw new RegistryException.Invalid(errors);
        }
        return fields;
    }

    private static void plain(List<String> values, String pointer, List<FieldError> errors) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (CONTROL.matcher(values.get(i)).find()) {
                errors.add(new FieldError(pointer + "/" + i, "must not contain control characters or line breaks"));
            }
        }
    }

    private static void apply(Webhook w, WebhookFields f) {
        w.url = f.url().strip();
        w.types = join(f.types().stream().map(ChangeTypes::normalise).toList());
        w.topics = f.topics() == null || f.topics().isEmpty() ? null : join(f.topics().stream().map(String::strip).toList());
        w.series = f.series() == null || f.series().isEmpty() ? null : join(f.series().stream().map(String::strip).toList());
        w.description = Records.blankToNull(f.description());
        w.active = f.active() == null || f.active();
    }

    private static String join(List<String> values) {
        return String.join("\n", new LinkedHashSet<>(values));
    }

    /** The values of a column that keeps a list one per line. */
    static List<String> list(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split("\n"));
    }

    private void touch(Webhook w) {
        w.updatedAt = Records.now();
        w.version++;
    }

    private static Duration grace(String text) {
        if (text == null) {
            return DEFAULT_GRACE;
        }
        try {
            Duration grace = Duration.parse(text);
            if (!grace.isNegative() && grace.compareTo(MAX_GRACE) <= 0) {
                return grace;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new RegistryException.BadRequest("Query parameter gracePeriod must be an ISO-8601 duration from PT0S to P7D, such as PT24H");
    }

    /** The subscription, if the caller may manage it; someone else's is as unknown as a missing one. */
    private Webhook find(String id, boolean lock) {
        Webhook w = lock ? em.find(Webhook.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(Webhook.class, id);
        if (w == null || !seesAll() && !w.owner.equals(owner())) {
            throw new RegistryException.NotFound("No webhook has the id '" + id + "'");
        }
        return w;
    }

    private boolean seesAll() {
        return caller.has(Role.ADMIN);
    }

    /** Who owns what the caller creates: the API token, or the name a JWT gave. */
    private String owner() {
        Identity identity = caller.identity().orElseThrow(() -> new IllegalStateException("webhooks need a caller"));
        return identity.tokenId() != null ? "token:" + identity.tokenId() : identity.name();
    }

    private String quoted(Instant at) {
        try {
            return json.writeValueAsString(at);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static WebhookView view(Webhook w, String secret) {
        Instant previousUntil = w.previousSecret != null && w.previousSecretUntil != null && w.previousSecretUntil.isAfter(Instant.now())
                ? w.previousSecretUntil : null;
        return new WebhookView(w.id, w.url, list(w.types), w.topics == null ? null : list(w.topics),
                w.series == null ? null : list(w.series), w.description, w.active, w.pausedReason, w.pausedAt, previousUntil, w.owner,
                w.createdAt, w.updatedAt, w.version, secret);
    }
}
