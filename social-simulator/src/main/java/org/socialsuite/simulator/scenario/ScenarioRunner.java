package org.socialsuite.simulator.scenario;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.socialsuite.simulator.SimulatorConfig;
import org.socialsuite.simulator.facebook.FacebookNetwork;
import org.socialsuite.simulator.twitter.TwitterNetwork;
import org.socialsuite.simulator.world.DemoPeople;
import org.socialsuite.simulator.world.FacebookItem;
import org.socialsuite.simulator.world.Person;
import org.socialsuite.simulator.world.SocialWorld;
import org.socialsuite.simulator.world.Tweet;
import org.socialsuite.support.accounts.ConnectedAccount;

/**
 * The demo scenario: a steady trickle of consumer activity on every demo account (comments,
 * replies, Messenger messages, mentions, thread replies, DMs) so the workspace is alive on its own.
 */
@ApplicationScoped
public class ScenarioRunner {

    private static final Logger LOG = Logger.getLogger(ScenarioRunner.class);
    private static final List<String> LINES =
            List.of(
                    "My parcel 4411 still hasn't arrived, any news?",
                    "The app logs me out every time I open it",
                    "Can I change the delivery address on order 5520?",
                    "Thanks for the quick help yesterday!",
                    "I was charged twice for the same order",
                    "Is the store in Lisbon open on Sunday?",
                    "The blender arrived broken 😞",
                    "How do I return a gift without the receipt?");

    private final FacebookNetwork facebook;
    private final TwitterNetwork twitter;
    private final SocialWorld world;
    private final SimulatorConfig config;
    private final Random random = new Random();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    runnable -> {
                        Thread thread = new Thread(runnable, "scenario");
                        thread.setDaemon(true);
                        return thread;
                    });
    private ScheduledFuture<?> running;

    public ScenarioRunner(
            FacebookNetwork facebook,
            TwitterNetwork twitter,
            SocialWorld world,
            SimulatorConfig config) {
        this.facebook = facebook;
        this.twitter = twitter;
        this.world = world;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        if (config.scenario().enabled()) {
            start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        timer.shutdownNow();
    }

    public synchronized void start() {
        if (running == null) {
            long period = Math.max(1, 60_000L / config.scenario().perMinute());
            running = timer.scheduleAtFixedRate(this::act, 0, period, TimeUnit.MILLISECONDS);
            LOG.infof("Demo scenario running: %d actions a minute", config.scenario().perMinute());
        }
    }

    public synchronized void stop() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }

    public synchronized boolean running() {
        return running != null;
    }

    public int perMinute() {
        return config.scenario().perMinute();
    }

    private void act() {
        try {
            String line = pick(LINES);
            switch (random.nextInt(6)) {
                case 0 -> commentOnAPagePost(line);
                case 1 -> replyToAComment(line);
                case 2 -> {
                    ConnectedAccount page = pick(facebook.pages());
                    facebook.message(page.externalId(), pick(DemoPeople.FACEBOOK).id(), line);
                }
                case 3 -> {
                    ConnectedAccount brand = pick(twitter.brands());
                    twitter.tweetAt(brand.externalId(), pick(DemoPeople.TWITTER).id(), line, null);
                }
                case 4 -> replyInAThread(line);
                default -> {
                    ConnectedAccount brand = pick(twitter.brands());
                    twitter.directMessageFrom(
                            brand.externalId(), pick(DemoPeople.TWITTER).id(), line);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Scenario step skipped: %s", e.toString());
        }
    }

    private void commentOnAPagePost(String line) {
        ConnectedAccount page = pick(facebook.pages());
        List<FacebookItem> posts =
                world.facebookItems(i -> i.isPost() && i.pageId().equals(page.externalId()));
        String postId =
                posts.isEmpty()
                        ? facebook.pagePost(page.externalId(), "Our autumn range is here!").id()
                        : pick(posts).id();
        facebook.comment(pick(DemoPeople.FACEBOOK).id(), postId, line);
    }

    private void replyToAComment(String line) {
        List<FacebookItem> comments = world.facebookItems(i -> !i.isPost());
        if (comments.isEmpty()) {
            commentOnAPagePost(line);
            return;
        }
        facebook.comment(pick(DemoPeople.FACEBOOK).id(), pick(comments).id(), line);
    }

    private void replyInAThread(String line) {
        List<Tweet> tweets = world.tweets(t -> true);
        Person person = pick(DemoPeople.TWITTER);
        ConnectedAccount brand = pick(twitter.brands());
        String replyTo = tweets.isEmpty() ? null : pick(tweets).id();
        twitter.tweetAt(brand.externalId(), person.id(), line, replyTo);
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
