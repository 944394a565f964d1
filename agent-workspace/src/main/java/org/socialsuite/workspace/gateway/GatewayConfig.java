package org.socialsuite.workspace.gateway;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/** {@code workspace.routes.<name>.prefix} goes to {@code .target}, path unchanged. */
@ConfigMapping(prefix = "workspace")
public interface GatewayConfig {

    Map<String, Route> routes();

    DevSignIn devSignIn();

    interface Route {
        String prefix();

        /** Scheme, host and port of the service, e.g. http://127.0.0.1:8082. */
        String target();
    }

    interface DevSignIn {
        boolean enabled();

        java.time.Duration tokenLifetime();
    }
}
