package org.socialsuite.workspace.gateway;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The local API gateway: each configured prefix is streamed, path and query unchanged, to its
 * service, the way the production ingress routes. Bodies and answers are piped, not buffered, so
 * server-sent events flow through as they are written.
 */
@ApplicationScoped
public class Gateway {

    private static final Logger LOG = Logger.getLogger(Gateway.class);

    /** Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection, never forwarded. */
    private static final Set<String> HOP_BY_HOP =
            Set.of(
                    "connection",
                    "keep-alive",
                    "proxy-authenticate",
                    "proxy-authorization",
                    "te",
                    "trailer",
                    "transfer-encoding",
                    "upgrade",
                    "host");

    /** Set by the workspace on every answer (application.properties); a service's never win. */
    private static final Set<String> OWN_HEADERS =
            Set.of("content-security-policy", "x-content-type-options", "referrer-policy");

    private final GatewayConfig config;
    private final HttpClient client;

    public Gateway(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client =
                vertx.createHttpClient(
                        new HttpClientOptions().setConnectTimeout(2_000).setMaxPoolSize(50));
    }

    void routes(@Observes StartupEvent startup, Router router) {
        config.routes()
                .forEach(
                        (name, route) -> {
                            URI target = URI.create(route.target());
                            router.route(route.prefix() + "*")
                                    .order(-100)
                                    .handler(context -> forward(context, target));
                            LOG.infof("Route %s* -> %s", route.prefix(), route.target());
                        });
    }

    private void forward(RoutingContext context, URI target) {
        HttpServerRequest request = context.request();
        request.pause();
        RequestOptions options =
                new RequestOptions()
                        .setMethod(request.method())
                        .setHost(target.getHost())
                        .setPort(target.getPort())
                        .setURI(routedUri(context))
                        .setHeaders(forwardable(request.headers()))
                        .putHeader("X-Forwarded-For", request.remoteAddress().hostAddress())
                        .putHeader("X-Forwarded-Host", String.valueOf(request.authority()));
        client.request(options)
                .compose(
                        outbound -> {
                            outbound.setChunked(
                                    !request.headers().contains(HttpHeaders.CONTENT_LENGTH));
                            return outbound.send(request);
                        })
                .onSuccess(answer -> relay(answer, context.response()))
                .onFailure(
                        failure -> {
                            LOG.warnf(
                                    "%s %s: %s unreachable (%s)",
                                    request.method(), request.uri(), target, failure.getMessage());
                            if (!context.response().headWritten()) {
                                context.response()
                                        .setStatusCode(502)
                                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                                        .end(
                                                new JsonObject()
                                                        .put("error", "bad_gateway")
                                                        .put(
                                                                "message",
                                                                "The service behind this path does"
                                                                        + " not answer")
                                                        .encode());
                            }
                        });
    }

    /**
     * The path as it was routed (dot segments resolved, unreserved escapes decoded), so the service
     * sees exactly the path the route table matched, never one that resolves elsewhere.
     */
    private static String routedUri(RoutingContext context) {
        String query = context.request().query();
        return context.normalizedPath() + (query == null ? "" : "?" + query);
    }

    /**
     * The service's answer, under the workspace's own security headers, which it never replaces.
     */
    private static void relay(HttpClientResponse answer, HttpServerResponse response) {
        response.setStatusCode(answer.statusCode());
        forwardable(answer.headers())
                .forEach(
                        header -> {
                            String name = header.getKey().toLowerCase();
                            boolean ours =
                                    OWN_HEADERS.contains(name) && response.headers().contains(name);
                            if (!ours) {
                                response.headers().add(header.getKey(), header.getValue());
                            }
                        });
        if (!answer.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
            // A stream (server-sent events) may stay quiet for long: its client must learn that it
            // is connected now, not at the first event, so the head goes out at once.
            response.writeHead();
        }
        answer.pipeTo(response);
    }

    /** Without hop-by-hop headers: the standard ones and any the Connection header names. */
    private static MultiMap forwardable(MultiMap headers) {
        Set<String> hopByHop = new HashSet<>(HOP_BY_HOP);
        for (String connection : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String named : connection.split(",")) {
                hopByHop.add(named.trim().toLowerCase());
            }
        }
        MultiMap kept = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(
                header -> {
                    if (!hopByHop.contains(header.getKey().toLowerCase())) {
                        kept.add(header.getKey(), header.getValue());
                    }
                });
        return kept;
    }
}
