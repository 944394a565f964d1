package org.socialsuite.simulator.facebook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.socialsuite.events.Channel;
import org.socialsuite.simulator.SimulatorConfig;
import org.socialsuite.simulator.brand.BrandAccounts;
import org.socialsuite.simulator.quota.QuotaCounter;
import org.socialsuite.simulator.webhook.WebhookOutbox;
import org.socialsuite.simulator.world.DemoPeople;
import org.socialsuite.simulator.world.FacebookItem;
import org.socialsuite.simulator.world.MessengerMessage;
import org.socialsuite.simulator.world.Person;
import org.socialsuite.simulator.world.SocialWorld;
import org.socialsuite.support.accounts.ConnectedAccount;
import org.socialsuite.support.rules.MessagingWindows;
import org.socialsuite.support.rules.ReplyLength;

/**
 * Facebook as pages and people use it: people post, comment and write in Messenger; pages answer
 * through the Graph API under Facebook's rules (PLATFORMS.md). Everything that happens is sent to
 * ingest as the webhook Facebook would send, the page's own actions as echoes.
 */
@ApplicationScoped
public class FacebookNetwork {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long APP_ID = 1517;

    /** The app id Facebook's own Page inbox puts on the echoes of what a page sends from it. */
    private static final long PAGE_INBOX_APP_ID = 263902037430900L;

    private final SocialWorld world;
    private final WebhookOutbox webhooks;
    private final BrandAccounts accounts;
    private final QuotaCounter quota;
    private final Clock clock;

    public FacebookNetwork(
            SocialWorld world,
            WebhookOutbox webhooks,
            BrandAccounts accounts,
            SimulatorConfig config,
            Clock clock) {
        this.world = world;
        this.webhooks = webhooks;
        this.accounts = accounts;
        this.quota =
                new QuotaCounter(config.quotas().facebookSends(), config.quotas().window(), clock);
        this.clock = clock;
    }

    public List<ConnectedAccount> pages() {
        return accounts.on(Channel.FACEBOOK);
    }

    // People, played from the console.

    /** The page's own post, which people then comment on. */
    public FacebookItem pagePost(String pageId, String text) {
        ConnectedAccount page = page(pageId);
        String id = pageId + "_" + world.next();
        FacebookItem post =
                new FacebookItem(
                        id, pageId, null, id, pageId, page.pageName().orElse(pageId), text, now());
        world.add(post);
        webhooks.facebookChange(pageId, feedValue("status", post));
        return post;
    }

    /** A person's post on the page (a visitor post). */
    public FacebookItem visitorPost(String pageId, String psid, String text) {
        page(pageId);
        Person person = person(psid);
        String id = pageId + "_" + world.next();
        FacebookItem post =
                new FacebookItem(id, pageId, null, id, psid, person.name(), text, now());
        world.add(post);
        webhooks.facebookChange(pageId, feedValue("status", post));
        return post;
    }

    /** A person's comment on a post, or reply to a comment (nested under its top-level comment). */
    public FacebookItem comment(String psid, String parentId, String text) {
        Person person = person(psid);
        FacebookItem comment = addComment(parentId, psid, person.name(), text);
        webhooks.facebookChange(comment.pageId(), feedValue("comment", comment));
        return comment;
    }

    public MessengerMessage message(String pageId, String psid, String text) {
        page(pageId);
        person(psid);
        MessengerMessage message =
                new MessengerMessage(
                        world.nextMessengerMid(), pageId, psid, false, text, now(), null);
        world.add(message);
        ObjectNode item = messaging(psid, pageId, message.at());
        item.putObject("message").put("mid", message.mid()).put("text", text);
        webhooks.facebookMessaging(pageId, item);
        return message;
    }

    /**
     * The page answers a comment privately from Facebook's own Page inbox, outside the suite, as a
     * social media manager might: the suite only sees the echo, and its own private response to
     * that comment will be refused (10900).
     */
    public MessengerMessage pageInboxPrivateReply(String commentId, String text) {
        FacebookItem comment = item(commentId);
        return privateResponse(comment.pageId(), commentId, text, PAGE_INBOX_APP_ID);
    }

    // Pages, through the Graph API.

    /** {@code POST /{page-id}/messages}: a message, a tagged message, or a private response. */
    public MessengerMessage send(
            String pageId,
            String bearer,
            String recipientId,
            String commentId,
            String messagingType,
            String tag,
            String text) {
        authorise(pageId, bearer);
        quota.take(pageId, GraphRefusal::rateLimited);
        if (text == null || text.isBlank()) {
            throw GraphRefusal.badParameter("param message must be non-empty UTF-8 encoded string");
        }
        if (text.codePointCount(0, text.length()) > ReplyLength.MESSENGER) {
            throw GraphRefusal.badParameter(
                    "Length of param message[text] must be less than or equal to 2000");
        }
        return commentId != null
                ? privateResponse(pageId, commentId, text, APP_ID)
                : messageTo(pageId, recipientId, messagingType, tag, text);
    }

    /** {@code POST /{object-id}/comments}: the page answers in public. */
    public FacebookItem replyPublicly(String objectId, String bearer, String text) {
        FacebookItem target =
                world.facebookItem(objectId).orElseThrow(() -> GraphRefusal.noSuchObject(objectId));
        authorise(target.pageId(), bearer);
        quota.take(target.pageId(), GraphRefusal::rateLimited);
        if (text == null || text.isBlank()) {
            throw GraphRefusal.badParameter("param message must be non-empty");
        }
        if (text.codePointCount(0, text.length()) > ReplyLength.FACEBOOK_COMMENT) {
            throw GraphRefusal.badParameter("Comment text is too long");
        }
        ConnectedAccount page = page(target.pageId());
        FacebookItem comment =
                addComment(objectId, page.externalId(), page.pageName().orElse(""), text);
        webhooks.facebookChange(comment.pageId(), feedValue("comment", comment));
        return comment;
    }

    /** {@code POST /{comment-id} {"is_hidden"}}: the page hides a comment, or shows it again. */
    public void setHidden(String commentId, String bearer, boolean hide) {
        FacebookItem comment = moderated(commentId, bearer);
        if (comment.isPost()) {
            throw GraphRefusal.badParameter("Only comments can be hidden");
        }
        if (comment.byPage()) {
            throw GraphRefusal.badParameter("A page cannot hide its own comment");
        }
        world.setHidden(commentId, hide);
        webhooks.facebookChange(comment.pageId(), feedChange(comment, hide ? "hide" : "unhide"));
    }

    /** {@code DELETE /{object-id}}: the page deletes a comment or a visitor's post on its page. */
    public void delete(String objectId, String bearer) {
        FacebookItem item = moderated(objectId, bearer);
        world.remove(item);
        ObjectNode change = feedChange(item, "remove");
        change.remove("message");
        webhooks.facebookChange(item.pageId(), change);
    }

    /** {@code POST /{object-id}/likes}: the page likes a comment or post. */
    public void like(String objectId, String bearer) {
        moderated(objectId, bearer);
        world.like(objectId);
    }

    private FacebookItem moderated(String objectId, String bearer) {
        FacebookItem item =
                world.facebookItem(objectId).orElseThrow(() -> GraphRefusal.noSuchObject(objectId));
        authorise(item.pageId(), bearer);
        quota.take(item.pageId(), GraphRefusal::rateLimited);
        return item;
    }

    public Person profile(String psid) {
        return DemoPeople.facebook(psid).orElseThrow(() -> GraphRefusal.noSuchObject(psid));
    }

    public FacebookItem item(String id) {
        return world.facebookItem(id).orElseThrow(() -> GraphRefusal.noSuchObject(id));
    }

    private MessengerMessage messageTo(
            String pageId, String psid, String messagingType, String tag, String text) {
        MessengerMessage last =
                world.lastFromPerson(pageId, psid)
                        .orElseThrow(
                                () ->
                                        new GraphRefusal(
                                                551,
                                                1545041,
                                                "This person isn't available right now."));
        MessagingWindows.MessengerWindow window = MessagingWindows.messenger(last.at(), now());
        boolean allowed =
                switch (window.state()) {
                    case STANDARD -> true;
                    case HUMAN_AGENT ->
                            "MESSAGE_TAG".equals(messagingType)
                                    && MessagingWindows.HUMAN_AGENT_TAG.equals(tag);
                    case CLOSED -> false;
                };
        if (!allowed) {
            throw GraphRefusal.outsideWindow();
        }
        return pageMessage(pageId, psid, text, null, APP_ID);
    }

    /** Once per comment, within 7 days, never to the page's own comments. */
    private MessengerMessage privateResponse(
            String pageId, String commentId, String text, long appId) {
        FacebookItem comment =
                world.facebookItem(commentId)
                        .filter(item -> item.pageId().equals(pageId))
                        .orElseThrow(() -> GraphRefusal.noSuchObject(commentId));
        if (comment.byPage()) {
            throw GraphRefusal.badParameter(
                    "Cannot send a private reply to the page's own comment");
        }
        boolean answered = !world.messenger(m -> commentId.equals(m.answeredCommentId())).isEmpty();
        if (answered) {
            throw new GraphRefusal(10900, null, "(#10900) Activity already replied to");
        }
        if (!now().isBefore(MessagingWindows.privateResponseEnd(comment.createdAt()))) {
            throw GraphRefusal.outsideWindow();
        }
        return pageMessage(pageId, comment.authorId(), text, commentId, appId);
    }

    private MessengerMessage pageMessage(
            String pageId, String psid, String text, String answeredCommentId, long appId) {
        MessengerMessage message =
                new MessengerMessage(
                        world.nextMessengerMid(),
                        pageId,
                        psid,
                        true,
                        text,
                        now(),
                        answeredCommentId);
        world.add(message);
        ObjectNode echo = messaging(pageId, psid, message.at());
        echo.putObject("message")
                .put("mid", message.mid())
                .put("is_echo", true)
                .put("app_id", appId)
                .put("text", text);
        webhooks.facebookMessaging(pageId, echo);
        return message;
    }

    private FacebookItem addComment(
            String parentId, String authorId, String authorName, String text) {
        FacebookItem parent =
                world.facebookItem(parentId).orElseThrow(() -> GraphRefusal.noSuchObject(parentId));
        // Replies nest one level: answering a reply means commenting on its top-level comment.
        String under =
                parent.isPost() || parent.parentId().equals(parent.postId())
                        ? parent.id()
                        : parent.parentId();
        String postNumber = parent.postId().substring(parent.postId().indexOf('_') + 1);
        FacebookItem comment =
                new FacebookItem(
                        postNumber + "_" + world.next(),
                        parent.pageId(),
                        under,
                        parent.postId(),
                        authorId,
                        authorName,
                        text,
                        now());
        world.add(comment);
        return comment;
    }

    /** What Facebook tells the page's webhook about a change to one of its items. */
    private ObjectNode feedChange(FacebookItem fb, String verb) {
        ObjectNode value = feedValue(fb.isPost() ? "status" : "comment", fb);
        value.put("verb", verb);
        return value;
    }

    private ObjectNode feedValue(String item, FacebookItem fb) {
        ObjectNode value = NODES.objectNode().put("item", item).put("verb", "add");
        value.put("post_id", fb.postId());
        if (!fb.isPost()) {
            value.put("comment_id", fb.id()).put("parent_id", fb.parentId());
        }
        value.putObject("from").put("id", fb.authorId()).put("name", fb.authorName());
        value.put("message", fb.message()).put("created_time", fb.createdAt().getEpochSecond());
        return value;
    }

    private static ObjectNode messaging(String senderId, String recipientId, Instant at) {
        ObjectNode item = NODES.objectNode();
        item.putObject("sender").put("id", senderId);
        item.putObject("recipient").put("id", recipientId);
        item.put("timestamp", at.toEpochMilli());
        return item;
    }

    private void authorise(String pageId, String bearer) {
        page(pageId);
        if (!accounts.authorises(Channel.FACEBOOK, pageId, bearer)) {
            throw GraphRefusal.invalidToken();
        }
    }

    private ConnectedAccount page(String pageId) {
        return accounts.byExternalId(Channel.FACEBOOK, pageId)
                .orElseThrow(() -> GraphRefusal.noSuchObject(pageId));
    }

    private static Person person(String psid) {
        return DemoPeople.facebook(psid)
                .orElseThrow(() -> new IllegalArgumentException("No Facebook person " + psid));
    }

    private Instant now() {
        return clock.instant();
    }
}
