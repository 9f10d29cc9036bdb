package org.eventregistry.platform.json;

import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.error.RegistryException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Map;

/** JSON Merge Patch (RFC 7396): a null removes a member, an object merges, anything else replaces. */
public final class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    /**
     * The writable fields of a record after a merge patch, read back strictly (a wrong type or unknown
     * field is a 400 as in a POST); a patch that is not a JSON object is a 400.
     */
    public static <T> T apply(ObjectMapper json, T current, JsonNode patch, Class<T> type) throws JsonProcessingException {
        return apply(json, current, patch, type, Set.of());
    }

    /**
     * The same, where a null for one of {@code noNullState} (fields that always have a value, some by default) is a
     * 422: removing such a field would silently bring back its default, which for a publication status publishes.
     */
    public static <T> T apply(ObjectMapper json, T current, JsonNode patch, Class<T> type, Set<String> noNullState)
            throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw new RegistryException.BadRequest("A merge patch must be a JSON object");
        }
        List<FieldError> errors = noNullState.stream().filter(name -> patch.has(name) && patch.get(name).isNull()).sorted()
                .map(name -> new FieldError("/" + name, "cannot be removed: give a value")).toList();
        if (!errors.isEmpty()) {
            throw new RegistryException.Invalid(errors);
        }
        return json.treeToValue(apply(json.valueToTree(current), patch), type);
    }

    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
