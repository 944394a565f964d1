package org.socialsuite.simulator.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.socialsuite.events.Channel;
import org.socialsuite.simulator.SimulatorConfig;
import org.socialsuite.simulator.brand.BrandAccounts;
import org.socialsuite.simulator.world.FacebookItem;
import org.socialsuite.simulator.world.MessengerMessage;
import org.socialsuite.simulator.world.Person;

/**
 * The Graph API calls outbound-service and profile-service make (PLATFORMS.md, "Sending" and
 * "Profiles and posts"), answered in Facebook's formats with Facebook's refusals.
 */
@Path("/facebook")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GraphApi {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter GRAPH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

    private final FacebookNetwork facebook;
    private final BrandAccounts accounts;
    private final SimulatorConfig config;

    public GraphApi(FacebookNetwork facebook, BrandAccounts accounts, SimulatorConfig config) {
        this.facebook = facebook;
        this.accounts = accounts;
        this.config = config;
    }

    /**
     * Facebook Login's code exchanged for a short-lived user token, or that one for a long-lived
     * one ({@code grant_type=fb_exchange_token}), by the app's server (the parameters in the body,
     * as the Graph API also takes them, so no URL holds the secret).
     */
    @POST
    @Path("/oauth/access_token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public ObjectNode accessToken(
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret,
            @FormParam("redirect_uri") String redirectUri,
            @FormParam("code") String code,
            @FormParam("grant_type") String grantType,
            @FormParam("fb_exchange_token") String shortLived) {
        if (!config.apps().facebookAppId().equals(clientId)
                || !config.facebookAppSecret().equals(clientSecret)) {
            throw new GraphRefusal(
                    101, null, "Error validating application. Invalid application ID.");
        }
        if ("fb_exchange_token".equals(grantType)) {
            String longLived =
                    accounts.facebookLongLivedToken(shortLived)
                            .orElseThrow(GraphRefusal::invalidToken);
            return userToken(longLived, 5_183_944);
        }
        String userToken =
                accounts.facebookUserToken(code, redirectUri)
                        .orElseThrow(
                                () ->
                                        new GraphRefusal(
                                                100,
                                                36009,
                                                "This authorization code has been used."));
        return userToken(userToken, 5_400);
    }

    private static ObjectNode userToken(String token, int expiresIn) {
        return NODES.objectNode()
                .put("access_token", token)
                .put("token_type", "bearer")
                .put("expires_in", expiresIn);
    }

    /** The pages the user granted the app, each with its page access token. */
    @GET
    @Path("/me/accounts")
    public ObjectNode managedPages(@HeaderParam("Authorization") String bearer) {
        List<BrandAccounts.PageToken> pages =
                accounts.managedPages(bearer).orElseThrow(GraphRefusal::invalidToken);
        ObjectNode body = NODES.objectNode();
        var data = body.putArray("data");
        for (BrandAccounts.PageToken granted : pages) {
            ObjectNode page = data.addObject();
            page.put("access_token", granted.accessToken());
            page.put("category", "Product/service");
            page.putArray("category_list")
                    .addObject()
                    .put("id", "2201")
                    .put("name", "Product/service");
            page.put("name", granted.page().pageName().orElse(granted.page().externalId()));
            page.put("id", granted.page().externalId());
            page.putArray("tasks")
                    .add("ANALYZE")
                    .add("ADVERTISE")
                    .add("MESSAGING")
                    .add("MODERATE")
                    .add("CREATE_CONTENT")
                    .add("MANAGE");
        }
        return body;
    }

    /** The app subscribed to the page's webhooks, with the page's token. */
    @POST
    @Path("/{pageId}/subscribed_apps")
    public ObjectNode subscribe(
            @PathParam("pageId") String pageId,
            @HeaderParam("Authorization") String bearer,
            @QueryParam("subscribed_fields") String fields) {
        if (accounts.byExternalId(Channel.FACEBOOK, pageId).isEmpty()) {
            throw GraphRefusal.noSuchObject(pageId);
        }
        if (!accounts.authorises(Channel.FACEBOOK, pageId, bearer)) {
            throw GraphRefusal.invalidToken();
        }
        if (fields == null || fields.isBlank()) {
            throw GraphRefusal.badParameter("The parameter subscribed_fields is required");
        }
        accounts.subscribe(Channel.FACEBOOK, pageId);
        return NODES.objectNode().put("success", true);
    }

    @POST
    @Path("/{pageId}/messages")
    public ObjectNode send(
            @PathParam("pageId") String pageId,
            @HeaderParam("Authorization") String bearer,
            JsonNode request) {
        JsonNode recipient = request.path("recipient");
        MessengerMessage sent =
                facebook.send(
                        pageId,
                        bearer,
                        textOrNull(recipient, "id"),
                        textOrNull(recipient, "comment_id"),
                        textOrNull(request, "messaging_type"),
                        textOrNull(request, "tag"),
                        textOrNull(request.path("message"), "text"));
        return NODES.objectNode().put("recipient_id", sent.psid()).put("message_id", sent.mid());
    }

    @POST
    @Path("/{objectId}/comments")
    public ObjectNode comment(
            @PathParam("objectId") String objectId,
            @HeaderParam("Authorization") String bearer,
            JsonNode request) {
        FacebookItem comment =
                facebook.replyPublicly(objectId, bearer, textOrNull(request, "message"));
        return NODES.objectNode().put("id", comment.id());
    }

    /** Hides a comment, or shows it again ({@code is_hidden}). */
    @POST
    @Path("/{commentId}")
    public ObjectNode setHidden(
            @PathParam("commentId") String commentId,
            @HeaderParam("Authorization") String bearer,
            JsonNode request) {
        JsonNode hidden = request == null ? null : request.get("is_hidden");
        if (hidden == null || !hidden.isBoolean()) {
            throw GraphRefusal.badParameter("(#100) param is_hidden must be a boolean");
        }
        facebook.setHidden(commentId, bearer, hidden.asBoolean());
        return NODES.objectNode().put("success", true);
    }

    @DELETE
    @Path("/{objectId}")
    public ObjectNode delete(
            @PathParam("objectId") String objectId, @HeaderParam("Authorization") String bearer) {
        facebook.delete(objectId, bearer);
        return NODES.objectNode().put("success", true);
    }

    @POST
    @Path("/{objectId}/likes")
    public ObjectNode like(
            @PathParam("objectId") String objectId, @HeaderParam("Authorization") String bearer) {
        facebook.like(objectId, bearer);
        return NODES.objectNode().put("success", true);
    }

    /** A person's profile, or a post or comment, with the fields asked for. */
    @GET
    @Path("/{id}")
    public ObjectNode read(@PathParam("id") String id, @QueryParam("fields") String fields) {
        Set<String> asked =
                fields == null
                        ? Set.of()
                        : Arrays.stream(fields.split(","))
                                .map(String::trim)
                                .collect(Collectors.toSet());
        return id.contains("_")
                ? item(facebook.item(id), asked)
                : person(facebook.profile(id), asked);
    }

    private static ObjectNode person(Person person, Set<String> asked) {
        ObjectNode body = NODES.objectNode().put("id", person.id());
        if (asked.contains("first_name")) {
            body.put("first_name", person.firstName());
        }
        if (asked.contains("last_name") && person.lastName() != null) {
            body.put("last_name", person.lastName());
        }
        if (asked.contains("profile_pic")) {
            body.put("profile_pic", person.imageUrl());
        }
        // Locale and time zone need an extra permission: a person may come without them.
        if (asked.contains("locale") && person.locale() != null) {
            body.put("locale", person.locale());
        }
        if (asked.contains("timezone") && person.timezone() != null) {
            body.put("timezone", person.timezone());
        }
        return body;
    }

    private static ObjectNode item(FacebookItem item, Set<String> asked) {
        if (item.isPost() && asked.contains("parent")) {
            throw GraphRefusal.badParameter(
                    "Tried accessing nonexisting field (parent) on node type (Post)");
        }
        ObjectNode body = NODES.objectNode().put("id", item.id());
        if (asked.contains("message")) {
            body.put("message", item.message());
        }
        if (asked.contains("from")) {
            body.putObject("from").put("id", item.authorId()).put("name", item.authorName());
        }
        if (asked.contains("created_time")) {
            body.put("created_time", GRAPH_TIME.format(item.createdAt()));
        }
        // Only a reply names its parent comment.
        if (asked.contains("parent") && !item.parentId().equals(item.postId())) {
            body.putObject("parent").put("id", item.parentId());
        }
        if (asked.contains("permalink_url")) {
            body.put(
                    "permalink_url",
                    item.isPost()
                            ? "https://www.facebook.com/" + item.id()
                            : "https://www.facebook.com/"
                                    + item.postId()
                                    + "?comment_id="
                                    + item.id());
        }
        return body;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
