package airlock.core.policy;

import airlock.core.AirlockException;
import airlock.core.crypto.CanonicalJson;
import airlock.core.crypto.Ed25519;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a policy the administrator wrote (any JSON layout) into canonical bytes, checks them as
 * strictly as a workstation will, and signs them. Duplicate keys, trailing content and numbers
 * that are not integers are refused rather than normalised away.
 */
public final class PolicySigner {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    /** A signed policy ready to write: canonical bytes and their 64-byte signature. */
    public record Result(byte[] bytes, byte[] signature, RoomPolicy policy) {
        public Result {
            bytes = bytes.clone();
            signature = signature.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }
    }

    private PolicySigner() {
    }

    public static byte[] canonicalise(byte[] json) throws AirlockException {
        if (json.length > PolicyCodec.MAX_BYTES) {
            throw new AirlockException("policy.too.large", "The policy source is larger than " + PolicyCodec.MAX_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AirlockException("policy.json", "The policy source is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new AirlockException("policy.json", "Cannot read the policy source: " + e.getMessage(), e);
        }
        if (node == null) {
            throw new AirlockException("policy.json", "The policy source is empty");
        }
        return CanonicalJson.write(plain(node, ""));
    }

    public static Result sign(byte[] json, PrivateKey adminKey) throws AirlockException {
        byte[] canonical = canonicalise(json);
        RoomPolicy policy = PolicyCodec.parse(canonical);
        return new Result(canonical, Ed25519.sign(adminKey, canonical), policy);
    }

    public static Result sign(RoomPolicy policy, PrivateKey adminKey) {
        byte[] canonical = PolicyCodec.write(policy);
        return new Result(canonical, Ed25519.sign(adminKey, canonical), policy);
    }

    private static Object plain(JsonNode node, String path) throws AirlockException {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), plain(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                list.add(plain(node.get(i), path + "[" + i + "]"));
            }
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()
                && Math.abs(node.longValue()) <= CanonicalJson.MAX_SAFE_INTEGER) {
            return node.longValue();
        }
        throw new AirlockException("policy.field.type", "Policy field " + path + " must be an integer, text, true/false,"
                + " a list or an object; fractions and very large numbers are not allowed");
    }
}
