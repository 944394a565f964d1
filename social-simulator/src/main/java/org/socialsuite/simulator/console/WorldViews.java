package org.socialsuite.simulator.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socialsuite.simulator.console.WorldView.Conversation;
import org.socialsuite.simulator.console.WorldView.Item;
import org.socialsuite.simulator.console.WorldView.Message;
import org.socialsuite.simulator.console.WorldView.PersonRef;
import org.socialsuite.simulator.console.WorldView.TweetView;
import org.socialsuite.simulator.facebook.FacebookNetwork;
import org.socialsuite.simulator.scenario.ScenarioRunner;
import org.socialsuite.simulator.twitter.TwitterNetwork;
import org.socialsuite.simulator.world.DemoPeople;
import org.socialsuite.simulator.world.FacebookItem;
import org.socialsuite.simulator.world.MessengerMessage;
import org.socialsuite.simulator.world.Person;
import org.socialsuite.simulator.world.SocialWorld;
import org.socialsuite.simulator.world.Tweet;
import org.socialsuite.support.accounts.ConnectedAccount;
import org.socialsuite.support.rules.MessagingWindows;

/** Builds the console's view of the world: posts with their comments, threads, conversations. */
@ApplicationScoped
public class WorldViews {

    private final SocialWorld world;
    private final FacebookNetwork facebook;
    private final TwitterNetwork twitter;
    private final ScenarioRunner scenario;
    private final Clock clock;

    public WorldViews(
            SocialWorld world,
            FacebookNetwork facebook,
            TwitterNetwork twitter,
            ScenarioRunner scenario,
            Clock clock) {
        this.world = world;
        this.facebook = facebook;
        this.twitter = twitter;
        this.scenario = scenario;
        this.clock = clock;
    }

    public WorldView now() {
        return new WorldView(
                new WorldView.Facebook(
                        facebook.pages().stream().map(this::page).toList(),
                        DemoPeople.FACEBOOK.stream().map(WorldViews::ref).toList()),
                new WorldView.Twitter(
                        twitter.brands().stream().map(this::brand).toList(),
                        DemoPeople.TWITTER.stream().map(WorldViews::ref).toList()),
                new WorldView.ScenarioState(scenario.running(), scenario.perMinute()));
    }

    private WorldView.Page page(ConnectedAccount page) {
        List<FacebookItem> items = world.facebookItems(i -> i.pageId().equals(page.externalId()));
        List<Item> posts =
                items.stream()
                        .filter(FacebookItem::isPost)
                        .sorted(Comparator.comparing(FacebookItem::createdAt).reversed())
                        .map(post -> item(post, items))
                        .toList();
        Map<String, List<MessengerMessage>> byPerson = new LinkedHashMap<>();
        world.messenger(m -> m.pageId().equals(page.externalId()))
                .forEach(m -> byPerson.computeIfAbsent(m.psid(), k -> new ArrayList<>()).add(m));
        List<Conversation> conversations =
                byPerson.entrySet().stream()
                        .map(e -> messenger(page.externalId(), e.getKey(), e.getValue()))
                        .toList();
        return new WorldView.Page(
                page.externalId(), page.pageName().orElse(""), posts, conversations);
    }

    private Item item(FacebookItem item, List<FacebookItem> all) {
        List<Item> comments =
                all.stream()
                        .filter(c -> item.id().equals(c.parentId()))
                        .sorted(Comparator.comparing(FacebookItem::createdAt))
                        .map(c -> item(c, all))
                        .toList();
        return new Item(
                item.id(),
                new PersonRef(item.authorId(), item.authorName(), null),
                item.byPage(),
                !item.isPost(),
                item.message(),
                item.createdAt(),
                world.hidden(item.id()),
                world.liked(item.id()),
                comments);
    }

    private Conversation messenger(String pageId, String psid, List<MessengerMessage> messages) {
        String window =
                world.lastFromPerson(pageId, psid)
                        .map(
                                last ->
                                        MessagingWindows.messenger(last.at(), clock.instant())
                                                .state()
                                                .name())
                        .orElse("CLOSED");
        return new Conversation(
                DemoPeople.facebook(psid)
                        .map(WorldViews::ref)
                        .orElse(new PersonRef(psid, psid, null)),
                window,
                messages.stream()
                        .map(
                                m ->
                                        new Message(
                                                m.mid(),
                                                m.fromPage(),
                                                m.text(),
                                                m.at(),
                                                m.answeredCommentId()))
                        .toList());
    }

    private WorldView.Brand brand(ConnectedAccount brand) {
        String brandId = brand.externalId();
        List<Tweet> tweets = world.tweets(t -> involves(t, brandId));
        Map<String, List<TweetView>> threads = new LinkedHashMap<>();
        tweets.stream()
                .sorted(Comparator.comparing(Tweet::createdAt))
                .forEach(
                        t ->
                                threads.computeIfAbsent(t.conversationId(), k -> new ArrayList<>())
                                        .add(tweetView(t, brandId)));
        Map<String, List<Message>> dms = new LinkedHashMap<>();
        world.directMessages(m -> m.brandUserId().equals(brandId))
                .forEach(
                        m ->
                                dms.computeIfAbsent(m.personId(), k -> new ArrayList<>())
                                        .add(
                                                new Message(
                                                        m.id(),
                                                        m.fromBrand(),
                                                        m.text(),
                                                        m.at(),
                                                        null)));
        List<Conversation> conversations =
                dms.entrySet().stream()
                        .map(
                                e ->
                                        new Conversation(
                                                DemoPeople.twitter(e.getKey())
                                                        .map(WorldViews::ref)
                                                        .orElse(
                                                                new PersonRef(
                                                                        e.getKey(),
                                                                        e.getKey(),
                                                                        null)),
                                                null,
                                                e.getValue()))
                        .toList();
        List<List<TweetView>> newestFirst = new java.util.ArrayList<>(threads.values());
        Collections.reverse(newestFirst);
        return new WorldView.Brand(brandId, brand.handle().orElse(""), newestFirst, conversations);
    }

    /** A thread belongs to the brand it started with: a mention of it, or its own tweet. */
    private boolean involves(Tweet tweet, String brandId) {
        Tweet root = world.tweet(tweet.conversationId()).orElse(tweet);
        return root.authorId().equals(brandId)
                || twitter.brands().stream()
                        .filter(b -> b.externalId().equals(brandId))
                        .anyMatch(b -> root.text().contains("@" + b.handle().orElse("")));
    }

    private TweetView tweetView(Tweet tweet, String brandId) {
        PersonRef author =
                twitter.person(tweet.authorId(), true)
                        .map(WorldViews::ref)
                        .orElse(new PersonRef(tweet.authorId(), tweet.authorId(), null));
        return new TweetView(
                tweet.id(),
                author,
                tweet.authorId().equals(brandId),
                tweet.text(),
                tweet.inReplyToId(),
                tweet.createdAt(),
                world.liked(tweet.id()));
    }

    private static PersonRef ref(Person person) {
        return new PersonRef(person.id(), person.name(), person.handle());
    }
}
