package org.socialsuite.testsupport;

import java.time.Duration;
import org.socialsuite.localstack.tokens.DevAgentTokens;

/** Development agent tokens for tests, signed exactly as the run command signs them. */
public final class AgentTokens {

    private static final DevAgentTokens TOKENS = DevAgentTokens.load();

    private AgentTokens() {}

    public static String forBrand(String brandId) {
        return TOKENS.agentToken(brandId, brandId + "-agent", Duration.ofMinutes(30));
    }

    public static String bearer(String brandId) {
        return "Bearer " + forBrand(brandId);
    }

    /** A named agent of the brand, for tests of several agents at work. */
    public static String bearer(String brandId, String agentId) {
        return "Bearer " + TOKENS.agentToken(brandId, agentId, Duration.ofMinutes(30));
    }

    /** An administrator of the brand: manages its connected accounts, supervises its agents. */
    public static String adminBearer(String brandId) {
        return "Bearer " + TOKENS.adminToken(brandId, brandId + "-admin", Duration.ofMinutes(30));
    }
}
