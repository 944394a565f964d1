package org.socialsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.tokens.DevAgentTokens;

class DevAgentTokensTest {

    @Test
    void signsAnRs256TokenThePublicDevelopmentKeyVerifies() throws Exception {
        String token = DevAgentTokens.load().agentToken("acme", "agent-7", Duration.ofHours(1));
        String[] parts = token.split("\\.");

        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.get("sub").asText()).isEqualTo("agent-7");
        assertThat(claims.get("brand").asText()).isEqualTo("acme");
        assertThat(claims.get("groups").get(0).asText()).isEqualTo("agent");
        assertThat(claims.get("iss").asText()).isEqualTo(DevAgentTokens.ISSUER);
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
    }

    private static PublicKey publicKey() throws Exception {
        String pem =
                Files.readString(Path.of("../config/dev-keys/agent-jwt-public.pem"))
                        .replaceAll("-----[A-Z ]+-----", "")
                        .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}
