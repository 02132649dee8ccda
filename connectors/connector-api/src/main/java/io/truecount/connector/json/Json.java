package io.truecount.connector.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** The JSON reader every connector shares. */
public final class Json {

    // Vendors send epoch seconds and amounts as JSON decimals (NinjaOne 1715600000.123): read them as BigDecimal so no
    // millisecond or cent is lost to a double.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {}

    /**
     * @return the document; a missing node when the body is empty
     * @throws IOException when the body is not one complete JSON document
     */
    public static JsonNode parse(byte[] body) throws IOException {
        JsonNode node = MAPPER.readTree(body);
        return node == null ? MAPPER.missingNode() : node;
    }

    /**
     * The vendor's error code in an error body: OAuth2 {@code error}, Graph {@code error.code}, or a top-level
     * {@code errorCode}, {@code resultCode} or {@code code}.
     *
     * @return the code, or null when the body has none or is not JSON
     */
    public static String errorCode(byte[] body) {
        JsonNode root;
        try {
            root = parse(body);
        } catch (IOException notJson) {
            return null;
        }
        JsonNode error = root.path("error");
        if (error.isTextual()) {
            return error.asText();
        }
        for (JsonNode candidate :
                new JsonNode[] {error.path("code"), root.path("errorCode"), root.path("resultCode"), root.path("code")
                }) {
            if (candidate.isValueNode() && !candidate.asText().isBlank()) {
                return candidate.asText();
            }
        }
        return null;
    }
}
