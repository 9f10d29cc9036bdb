package org.eventregistry.webhook;

import org.eventregistry.change.Change;
import org.eventregistry.change.ChangeFeed;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The change types a subscription names: {@code <kind>.<action>} for the kinds of the change stream (event, speaker,
 * publication, lineup) and the actions created, updated and deleted, with {@code *} for any kind or action.
 */
final class ChangeTypes {

    static final Set<String> ACTIONS = Set.of("created", "updated", "deleted");
    static final String PING = "webhook.ping";

    private ChangeTypes() {
    }

    /** The type a change is delivered as: event.updated, lineup.deleted... */
    static String of(Change change) {
        String action = switch (change.operation()) {
            case "CREATE" -> "created";
            case "DELETE" -> "deleted";
            default -> "updated";
        };
        return change.kind() + "." + action;
    }

    /** Why a pattern is not one, or empty when it is. */
    static Optional<String> problem(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return Optional.of("must not be blank");
        }
        String[] parts = pattern.split("\\.", -1);
        if (parts.length != 2) {
            return Optional.of("must be <kind>.<action> such as event.updated or event.*");
        }
        if (!parts[0].equals("*") && !ChangeFeed.KINDS.contains(parts[0])) {
            return Optional.of("'" + parts[0] + "' is not one of " + ChangeFeed.KINDS.stream().sorted().toList() + " or *");
        }
        if (!parts[1].equals("*") && !ACTIONS.contains(parts[1])) {
            return Optional.of("'" + parts[1] + "' is not one of " + ACTIONS.stream().sorted().toList() + " or *");
        }
        return Optional.empty();
    }

    static String normalise(String pattern) {
        return pattern.strip().toLowerCase(Locale.ROOT);
    }

    static boolean matches(List<String> patterns, String type) {
        int dot = type.indexOf('.');
        String kind = type.substring(0, dot);
        String action = type.substring(dot + 1);
        for (String pattern : patterns) {
            int p = pattern.indexOf('.');
            String k = pattern.substring(0, p);
            String a = pattern.substring(p + 1);
            if ((k.equals("*") || k.equals(kind)) && (a.equals("*") || a.equals(action))) {
                return true;
            }
        }
        return false;
    }
}
