package org.socialsuite.simulator.world;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything that happened on the simulated networks since start: pages' posts and comments,
 * Messenger conversations, tweets and DM conversations. In memory, by design: a fresh start is a
 * fresh world, but its ids are new ones (see {@link IdMint}). Every change is announced to the
 * console.
 */
@ApplicationScoped
public class SocialWorld {

    private final List<FacebookItem> facebookItems = new ArrayList<>();
    private final List<MessengerMessage> messenger = new ArrayList<>();
    private final List<Tweet> tweets = new ArrayList<>();
    private final List<DirectMessage> directMessages = new ArrayList<>();

    /** Comments the page hid: only their author (and friends) still see them. */
    private final Set<String> hidden = new HashSet<>();

    /** Items (comments, posts, tweets) the brand liked. */
    private final Set<String> liked = new HashSet<>();

    private final IdMint ids = new IdMint();
    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();

    /**
     * A fresh number for a post's, comment's, tweet's or DM's id, never used before on this or an
     * earlier run (the suite's database outlives the simulator's world).
     */
    public long next() {
        return ids.next();
    }

    public String nextTweetId() {
        return Long.toString(next());
    }

    public String nextDirectMessageId() {
        return Long.toString(next());
    }

    public String nextMessengerMid() {
        return ids.nextMid();
    }

    public synchronized void add(FacebookItem item) {
        facebookItems.add(item);
        changed("facebook");
    }

    public synchronized void add(MessengerMessage message) {
        messenger.add(message);
        changed("messenger");
    }

    public synchronized void add(Tweet tweet) {
        tweets.add(tweet);
        changed("twitter");
    }

    public synchronized void add(DirectMessage message) {
        directMessages.add(message);
        changed("dm");
    }

    public synchronized Optional<FacebookItem> facebookItem(String id) {
        return facebookItems.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public synchronized List<FacebookItem> facebookItems(Predicate<FacebookItem> which) {
        return facebookItems.stream().filter(which).toList();
    }

    public synchronized List<MessengerMessage> messenger(Predicate<MessengerMessage> which) {
        return messenger.stream().filter(which).toList();
    }

    public synchronized Optional<Tweet> tweet(String id) {
        return tweets.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public synchronized List<Tweet> tweets(Predicate<Tweet> which) {
        return tweets.stream().filter(which).toList();
    }

    public synchronized List<DirectMessage> directMessages(Predicate<DirectMessage> which) {
        return directMessages.stream().filter(which).toList();
    }

    /** The consumer's latest message in a page's Messenger conversation: the window's start. */
    public synchronized Optional<MessengerMessage> lastFromPerson(String pageId, String psid) {
        return messenger.stream()
                .filter(m -> m.pageId().equals(pageId) && m.psid().equals(psid) && !m.fromPage())
                .max(Comparator.comparing(MessengerMessage::at));
    }

    /**
     * Moves a Messenger conversation into the past, as if that much time had gone by since its
     * messages: how the console shows what happens after the 24 h and 7-day windows.
     */
    public synchronized void age(String pageId, String psid, Duration by) {
        messenger.replaceAll(
                m ->
                        m.pageId().equals(pageId) && m.psid().equals(psid)
                                ? new MessengerMessage(
                                        m.mid(),
                                        m.pageId(),
                                        m.psid(),
                                        m.fromPage(),
                                        m.text(),
                                        m.at().minus(by),
                                        m.answeredCommentId())
                                : m);
        changed("messenger");
    }

    public synchronized void setHidden(String itemId, boolean hide) {
        if (hide) {
            hidden.add(itemId);
        } else {
            hidden.remove(itemId);
        }
        changed("facebook");
    }

    public synchronized boolean hidden(String itemId) {
        return hidden.contains(itemId);
    }

    /** The item and, for a comment, its replies are gone. */
    public synchronized void remove(FacebookItem item) {
        facebookItems.removeIf(i -> i.id().equals(item.id()) || item.id().equals(i.parentId()));
        changed("facebook");
    }

    public synchronized void like(String itemId) {
        liked.add(itemId);
        changed("likes");
    }

    public synchronized boolean liked(String itemId) {
        return liked.contains(itemId);
    }

    /** The console listens: each item names what changed. */
    public Multi<String> changes() {
        return changes;
    }

    private void changed(String what) {
        changes.onNext(what);
    }
}
