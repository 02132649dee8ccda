package io.truecount.connector.autotask;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Names for the ids and picklist values a time entry and its ticket carry: technicians ({@code Resources}), work
 * types ({@code BillingCodes}) and the ticket picklists priority, issue type and queue (from
 * {@code Tickets/entityInformation/fields}), so that contract rate rules can say {@code priority: Critical}. An id
 * without a name falls back to the id itself, never to nothing.
 */
final class Lookups {

    static final String PRIORITY = "priority";
    static final String ISSUE_TYPE = "issueType";
    static final String QUEUE = "queueID";
    static final Set<String> PICKLISTS = Set.of(PRIORITY, ISSUE_TYPE, QUEUE);

    private final Map<String, Map<String, String>> picklists;
    private final Map<String, String> resources = new HashMap<>();
    private final Map<String, String> billingCodes = new HashMap<>();

    Lookups(Map<String, Map<String, String>> picklists) {
        this.picklists = picklists;
    }

    /** The ticket picklists from an {@code entityInformation/fields} answer. */
    static Map<String, Map<String, String>> picklists(JsonNode fieldsInfo) {
        Map<String, Map<String, String>> lists = new HashMap<>();
        for (JsonNode field : fieldsInfo.path("fields")) {
            String name = field.path("name").asText("");
            if (PICKLISTS.contains(name)) {
                Map<String, String> labels = new HashMap<>();
                for (JsonNode value : field.path("picklistValues")) {
                    labels.put(value.path("value").asText(), value.path("label").asText());
                }
                lists.put(name, Map.copyOf(labels));
            }
        }
        return Map.copyOf(lists);
    }

    void resource(Map.Entry<String, String> idAndName) {
        resources.put(idAndName.getKey(), idAndName.getValue());
    }

    void billingCode(Map.Entry<String, String> idAndName) {
        billingCodes.put(idAndName.getKey(), idAndName.getValue());
    }

    String resource(String id) {
        return id == null ? null : resources.getOrDefault(id, id);
    }

    String billingCode(String id) {
        return id == null ? null : billingCodes.getOrDefault(id, id);
    }

    String label(String picklist, String value) {
        if (value == null) {
            return null;
        }
        String label = picklists.getOrDefault(picklist, Map.of()).get(value);
        return label == null || label.isBlank() ? value : label;
    }
}
