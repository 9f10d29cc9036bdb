package org.eventregistry.generated;

import java.util.ArrayList;
import java.util.List;

/**
 * The real records the generated requests aim at (created by the test through the API), the tokens they carry, and
 * real cursors and entity tags to mutate. The test keeps them current when a generated write changes or deletes one.
 */
public final class Targets {

    public String eventId;
    public String eventSlug;
    public String draftEventId;
    public String draftEventSlug;
    public String speakerId;
    public String speakerSlug;
    public String publicationId;
    public String publicationSlug;
    public String lineupEntryId;
    public String tokenId;

    public String adminToken;
    public String staffToken;
    public String partnerToken;

    /** An Idempotency-Key a successful POST already used, per template. */
    public final java.util.Map<String, String> usedIdempotencyKeys = new java.util.HashMap<>();

    /** Every id and slug a target record ever had, with the role it plays (a slug changes, a deleted one is remade). */
    private final java.util.Map<String, String> roles = new java.util.HashMap<>();

    public final List<String> cursors = new ArrayList<>();

    /** Notes the current ids and slugs, so an old request can be aimed again at the records now in their roles. */
    public void remember() {
        note("event", eventId, eventSlug);
        note("draft", draftEventId, draftEventSlug);
        note("speaker", speakerId, speakerSlug);
        note("publication", publicationId, publicationSlug);
        note("lineup", lineupEntryId);
        note("token", tokenId);
    }

    private void note(String role, String... values) {
        for (String value : values) {
            if (value != null) {
                roles.put(value, role);
            }
        }
    }

    /** The path with every segment that names a past target replaced by the id of the record now in that role. */
    public String retarget(String path) {
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String role = roles.get(segments[i]);
            if (role != null) {
                segments[i] = switch (role) {
                    case "event" -> eventId;
                    case "draft" -> draftEventId;
                    case "speaker" -> speakerId;
                    case "publication" -> publicationId;
                    case "lineup" -> lineupEntryId;
                    default -> tokenId;
                };
            }
        }
        return String.join("/", segments);
    }
    public final List<String> etags = new ArrayList<>();

    public List<String> eventRefs() {
        return List.of(eventId, eventSlug, draftEventId);
    }

    public List<String> speakerRefs() {
        return List.of(speakerId, speakerSlug);
    }

    public List<String> publicationRefs() {
        return List.of(publicationId, publicationSlug);
    }
}
