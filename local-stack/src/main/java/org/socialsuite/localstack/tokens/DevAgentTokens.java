package org.socialsuite.localstack.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs development agent tokens (RS256) with the development key pair in {@code config/dev-keys}.
 * The services verify them with the public half unless {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}
 * names another key, so these tokens mean nothing in production.
 */
public final class DevAgentTokens {

    /** The issuer the services expect unless {@code MP_JWT_VERIFY_ISSUER} says otherwise. */
    public static final String ISSUER = "https://social-suite.dev/agents";

    /** The audience the services expect unless {@code MP_JWT_VERIFY_AUDIENCES} says otherwise. */
    public static final String AUDIENCE = "social-suite-agents";

    private static final String PRIVATE_KEY = "dev-keys/agent-jwt-private.pem";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrivateKey key;

    private DevAgentTokens(PrivateKey key) {
        this.key = key;
    }

    public static DevAgentTokens load() {
        try (InputStream pem =
                DevAgentTokens.class.getClassLoader().getResourceAsStream(PRIVATE_KEY)) {
            if (pem == null) {
                throw new IllegalStateException(PRIVATE_KEY + " is not on the class path");
            }
            String base64 =
                    new String(pem.readAllBytes(), StandardCharsets.US_ASCII)
                            .replaceAll("-----[A-Z ]+-----", "")
                            .replaceAll("\\s", "");
            PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
            return new DevAgentTokens(KeyFactory.getInstance("RSA").generatePrivate(spec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable development key " + PRIVATE_KEY, e);
        }
    }

    /** A token for an agent of a brand, valid for the given time. */
    public String agentToken(String brandId, String agentId, Duration validity) {
        return sign(agentClaims(brandId, agentId, validity));
    }

    /**
     * A token for one of the brand's administrators: an agent who also manages the brand's
     * connected accounts (the {@code admin} group).
     */
    public String adminToken(String brandId, String agentId, Duration validity) {
        Map<String, Object> claims = agentClaims(brandId, agentId, validity);
        claims.put("groups", List.of("agent", "admin"));
        return sign(claims);
    }

    /** The claims of such a token, for a test to alter before signing them. */
    public Map<String, Object> agentClaims(String brandId, String agentId, Duration validity) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", agentId);
        claims.put("upn", agentId);
        claims.put("brand", brandId);
        claims.put("groups", List.of("agent"));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(validity).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    /** Signs any claims with the development key (RS256). */
    public String sign(Map<String, Object> claims) {
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT");
        try {
            String signingInput = base64Json(header) + "." + base64Json(claims);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(rsa.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
    }

    private static String base64Json(Map<String, Object> value) throws IOException {
        return base64(JSON.writeValueAsBytes(value));
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
