package org.socialsuite.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.TwitterTextCases;
import org.socialsuite.testsupport.gateway.NginxGateway;

/**
 * The whole story through the two web pages, as a person would play it: consumers act in the
 * simulator's console, an agent answers in the workspace, and the answers land on the networks.
 * Fails if an indicator, the toggle's default, the Public-to-Private link or a delivered reply is
 * missing. Screenshots are saved in target/screenshots.
 */
class BrowserStoryIT {

    private static SimulatedSuite suite;
    private static Browser browser;
    private static String console;
    private static String workspace;
    private static String workspaceUrl;

    @BeforeAll
    static void open() {
        suite = SimulatedSuite.get();
        // The agents reach the workspace and the services' APIs through the gateway, over
        // HTTPS, as in Kubernetes.
        NginxGateway gateway = suite.gateway();
        browser = Browser.open(gateway.certificate());
        workspaceUrl = gateway.baseUrl();
        browser.driver.get(suite.simulator.baseUrl());
        console = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.driver.get(workspaceUrl);
        workspace = browser.driver.getWindowHandle();
        browser.click("sign-in-acme-agent-1");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdministratorConnectsAPageAndTheFirstCommentOnItArrives() throws Exception {
        // The administrator works in a tab of their own: a session belongs to its tab.
        browser.driver.switchTo().newWindow(WindowType.TAB);
        String administrator = browser.driver.getWindowHandle();
        browser.driver.get(workspaceUrl);
        browser.click("sign-in-acme-admin-1");
        browser.click("open-accounts");
        browser.find("account-acme-facebook");

        // Facebook Login, played by the simulator: the administrator grants AcmeOutlet.
        browser.click("connect-facebook");
        browser.until(d -> d.findElement(By.cssSelector("input[name='page'][value='7000003']")))
                .click();
        browser.screenshot("facebook-login");
        browser.driver.findElement(By.id("continue")).click();

        // Back in the workspace, the page is connected: no restart anywhere.
        browser.awaitText("accounts-message", "Connected: AcmeOutlet");
        browser.find("account-acme-facebook-7000003");
        browser.screenshot("workspace-accounts");

        // A consumer comments on the new page, and the conversation arrives.
        commentOnThePagePost("7000003", "8005", "Is the outlet open on Sundays?");
        browser.driver.switchTo().window(administrator);
        browser.click("close-accounts");
        browser.until(
                d ->
                        !d.findElements(
                                        By.xpath(
                                                "//ul[@id='conversations']//li[contains(.,"
                                                        + " 'Is the outlet open on Sundays?')]"))
                                .isEmpty());
        browser.click("conversation-8005");
        browser.awaitText("transcript", "Is the outlet open on Sundays?");
        browser.awaitText("conversation-account", "via AcmeOutlet");
        assertThat(lastIndicator()).contains("Public", "Dana Okafor", "commented");
        browser.screenshot("workspace-new-page-conversation");

        // Disconnected again from the same page.
        browser.click("open-accounts");
        browser.click("disconnect-acme-facebook-7000003");
        browser.driver.switchTo().alert().accept();
        browser.awaitText("accounts-message", "AcmeOutlet disconnected");
        assertThat(
                        browser.driver.findElements(
                                By.cssSelector("[data-test='account-acme-facebook-7000003']")))
                .isEmpty();
        browser.driver.close();
        onWorkspace();
    }

    @Test
    void twoAgentsShareTheQueueOneTakesTheNextAndTransfersItWhileACountdownRunsOut()
            throws Exception {
        // A second agent of the brand works in a tab of their own.
        browser.driver.switchTo().newWindow(WindowType.TAB);
        String second = browser.driver.getWindowHandle();
        browser.driver.get(workspaceUrl);
        browser.click("sign-in-acme-agent-2");
        browser.find("take-next");

        // A consumer writes to AcmeCare in private on X: due within 10 s in this suite.
        onConsole();
        new Select(browser.find("tw-person-select")).selectByValue("9002");
        browser.type("dm-send-2000001-input", "Has my refund gone through?");
        browser.click("dm-send-2000001-send");

        // The first agent watches the queue: unassigned, the soonest due first. The countdown
        // runs out without a reload.
        onWorkspace();
        new Select(browser.find("filter-view")).selectByValue("UNASSIGNED");
        new Select(browser.find("filter-sort")).selectByValue("DUE");
        browser.until(d -> listed("9002"));
        browser.until(
                d ->
                        listEntry("9002")
                                .findElement(By.cssSelector("[data-test='response-due']"))
                                .getText()
                                .startsWith("First response overdue by"));
        assertThat(
                        listEntry("9002")
                                .findElement(By.cssSelector("[data-test='response-due']"))
                                .getAttribute("class"))
                .contains("overdue");
        browser.screenshot("workspace-queue-overdue");
        String next =
                browser.driver
                        .findElement(By.cssSelector("#conversations [data-test^='conversation-']"))
                        .getAttribute("data-test");

        // The second agent takes the next one: the soonest due leaves the first agent's queue.
        browser.driver.switchTo().window(second);
        browser.click("take-next");
        browser.awaitText("conversation-assignee", "Mine");
        onWorkspace();
        browser.until(
                d ->
                        d.findElements(By.cssSelector("#conversations [data-test='" + next + "']"))
                                .isEmpty());

        // ...and transfers it to the first agent, who finds it among their own.
        browser.driver.switchTo().window(second);
        new Select(browser.find("assign-to")).selectByValue("acme-agent-1");
        browser.awaitText("conversation-assignee", "acme-agent-1");
        browser.screenshot("workspace-transfer");
        onWorkspace();
        new Select(browser.find("filter-view")).selectByValue("MINE");
        browser.until(
                d ->
                        !d.findElements(By.cssSelector("#conversations [data-test='" + next + "']"))
                                .isEmpty());
        browser.driver
                .findElement(By.cssSelector("#conversations [data-test='" + next + "']"))
                .click();
        browser.awaitText("conversation-assignee", "Mine");
        browser.screenshot("workspace-queue-mine");
        browser.driver.switchTo().window(second);
        browser.driver.close();
        onWorkspace();
    }

    @Test
    void anAgentHidesAnAbusiveCommentAndItDisappearsFromThePage() throws Exception {
        String text = "You are all thieves " + UUID.randomUUID().toString().substring(0, 4);
        commentOnThePagePost("8001", text);
        String comment = commentShowing(text);

        onWorkspace();
        browser.click("conversation-8001");
        browser.awaitText("transcript", text);
        consumersMessage(text).findElement(By.cssSelector("[data-test='moderate-HIDE']")).click();
        browser.until(
                d ->
                        consumersMessage(text)
                                .findElement(By.cssSelector("[data-test='moderation-status']"))
                                .getText()
                                .equals("Hidden by acme-agent-1"));
        assertThat(consumersMessage(text).getText()).contains("hidden on the network");
        // Hidden, it can be shown again; it was never deleted.
        assertThat(
                        consumersMessage(text)
                                .findElements(By.cssSelector("[data-test='moderate-UNHIDE']")))
                .hasSize(1);
        browser.screenshot("workspace-hidden-comment");

        // Facebook's visitors no longer see it.
        onConsole();
        browser.find("fb-hidden-" + comment);
        browser.until(d -> !browser.find("fb-item-" + comment).getText().contains(text));
        browser.screenshot("console-hidden-comment");
    }

    @Test
    void anAgentAnswersTheUnansweredCommentsOfAPostInOneGo() throws Exception {
        // GlobexHelp posts a sale and three people ask about it (set up through the console's API).
        String post =
                SimulatorConsole.act(
                        suite.simulator,
                        "/facebook/posts",
                        Map.of("pageId", "3000001", "text", "Winter sale: 30% off everything"));
        // Not Chen (8004): HostileInputIT proves Globex knows nothing of him.
        for (String person : List.of("8001", "8003", "8005")) {
            SimulatorConsole.act(
                    suite.simulator,
                    "/facebook/comments",
                    Map.of("personId", person, "parentId", post, "text", "Does it include shoes?"));
        }

        // A Globex agent in a tab of their own opens the post on the Posts page.
        browser.driver.switchTo().newWindow(WindowType.TAB);
        String globex = browser.driver.getWindowHandle();
        browser.driver.get(workspaceUrl);
        browser.click("sign-in-globex-agent-1");
        browser.click("open-posts");
        // The page follows the live stream: the comments count in as they arrive.
        browser.until(
                d ->
                        d
                                .findElements(
                                        By.cssSelector(
                                                "[data-test='post-" + post + "-unanswered']"))
                                .stream()
                                .anyMatch(count -> count.getText().equals("3 unanswered")));
        browser.click("post-" + post);
        browser.until(d -> answers().size() == 3);
        browser.click("select-unanswered");
        browser.type("bulk-text", "Yes, shoes too: every pair is 30% off!");
        browser.click("bulk-send");
        browser.until(
                d ->
                        answers().stream()
                                .allMatch(answer -> answer.equals("Answered publicly · sent")));
        browser.awaitText("posts-message", "Sending 3 replies");
        browser.screenshot("workspace-bulk-reply");

        // On Facebook, each of the three has the page's answer under it.
        onConsole();
        browser.until(
                d ->
                        browser.find("fb-item-" + post)
                                        .getText()
                                        .split("Yes, shoes too: every pair is 30% off!", -1)
                                        .length
                                == 4);
        browser.screenshot("console-bulk-reply");
        browser.driver.switchTo().window(globex);
        browser.driver.close();
        onWorkspace();
    }

    @Test
    void signedOutOnlyTheSignInShowsAndNoPageRequestIsMissing() throws Exception {
        // A new tab has no session: the workspace opens signed out.
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.driver.get(workspaceUrl);
        browser.find("sign-in-acme-agent-1");
        assertThat(browser.driver.findElement(By.id("workspace")).getCssValue("display"))
                .isEqualTo("none");
        assertThat(browser.driver.findElement(By.id("sign-in")).getCssValue("display"))
                .isNotEqualTo("none");
        browser.screenshot("workspace-sign-in");
        awaitFavicon(workspaceUrl);

        browser.driver.get(suite.simulator.baseUrl());
        browser.find("fb-person-select");
        awaitFavicon(suite.simulator.baseUrl());
        browser.driver.close();
    }

    @Test
    void facebookCommentAnsweredInPublicThenPrivatelyWithTheLinkAndTheWindowsRefusal()
            throws Exception {
        // A consumer comments on the page's post.
        commentOnThePagePost("8003", "Order 88 never arrived");

        // It arrives in the workspace, marked Public, and the toggle defaults to Public.
        onWorkspace();
        browser.click("conversation-8003");
        browser.awaitText("transcript", "Order 88 never arrived");
        assertThat(lastIndicator()).contains("Public", "Priya Nair", "commented");
        assertThat(browser.find("mode-PUBLIC").isSelected()).isTrue();
        browser.screenshot("workspace-public-comment");

        browser.type("reply-text", "Sorry Priya, we are checking order 88");
        browser.click("send");
        awaitDelivery("Sorry Priya, we are checking order 88", "Sent");

        // The answer shows under the comment on Facebook.
        onConsole();
        browser.until(
                d ->
                        d.findElement(By.cssSelector("[data-test='fb-page-1000001']"))
                                .getText()
                                .contains("Sorry Priya, we are checking order 88"));
        browser.screenshot("console-public-answer");

        // The same consumer writes in Messenger: the toggle now defaults to Private.
        browser.type("messenger-send-1000001-input", "Can we sort this out privately?");
        browser.click("messenger-send-1000001-send");
        onWorkspace();
        browser.awaitText("transcript", "Can we sort this out privately?");
        assertThat(lastIndicator()).contains("Private", "Priya Nair", "sent a message");
        browser.until(d -> browser.find("mode-PRIVATE").isSelected());
        browser.screenshot("workspace-both-indicators");

        // A Private Response to the comment, with the Public-to-Private link.
        browser.click("mode-PRIVATE_RESPONSE");
        browser.type("reply-text", "Here is a private line to us:");
        browser.click("public-to-private");
        browser.until(
                d ->
                        browser.find("reply-text")
                                .getAttribute("value")
                                .contains("http://m.me/AcmeCare"));
        browser.click("send");
        awaitDelivery("Here is a private line to us: http://m.me/AcmeCare", "Sent");
        // Once per comment: the mode is now closed, with the reason.
        browser.until(d -> !browser.find("mode-PRIVATE_RESPONSE").isEnabled());
        browser.until(
                d ->
                        browser.find("mode-PRIVATE_RESPONSE")
                                .findElement(By.xpath(".."))
                                .getText()
                                .contains("already been answered privately"));

        onConsole();
        browser.awaitText("messenger-1000001-8003", "http://m.me/AcmeCare");

        // Eight days later on Facebook: the network refuses a private message, and the agent reads
        // why.
        browser.click("age-8d-1000001-8003");
        browser.awaitText("messenger-1000001-8003", "closed");
        onWorkspace();
        browser.click("mode-PRIVATE");
        browser.type("reply-text", "Are you still there?");
        browser.click("send");
        String reason = awaitDelivery("Are you still there?", "Failed");
        assertThat(reason).contains("Outside the allowed messaging window");

        // The widget: who Priya is, and the post she answered.
        browser.awaitText("profile-name", "Priya Nair");
        browser.click("view-post");
        browser.awaitText("thread", "Our autumn deliveries are on their way");
        browser.awaitText("thread", "Order 88 never arrived");
        browser.screenshot("workspace-refusal-and-widget");
    }

    @Test
    void aMentionAnsweredInPublicAndADirectMessageInPrivate() throws Exception {
        // Markup in a consumer's text is text: shown as typed, never rendered, on either page.
        tweetAtTheBrand("9003", "my tracking page is <b>blank</b>");
        browser.awaitText("tw-brand-2000001", "my tracking page is <b>blank</b>");
        assertThat(browser.driver.findElements(By.cssSelector("[data-test='tw-brand-2000001'] b")))
                .isEmpty();

        onWorkspace();
        browser.click("conversation-9003");
        browser.awaitText("transcript", "my tracking page is <b>blank</b>");
        assertThat(browser.driver.findElements(By.cssSelector("[data-test='transcript'] b")))
                .isEmpty();
        assertThat(lastIndicator()).contains("Public", "Dev Patel", "posted");
        assertThat(browser.find("mode-PUBLIC").isSelected()).isTrue();
        // The counter is held to twitter-text's conformance table, as the server is
        // (conversation-service's PersonalDataTest feeds it the same cases).
        countsAsTwitterDoes("@devp ".length());
        // The Public-to-Private link on X opens a DM to the brand's account.
        browser.type("reply-text", "Sorry Dev! A fix is rolling out. DM us:");
        browser.click("public-to-private");
        browser.until(
                d ->
                        browser.find("reply-text")
                                .getAttribute("value")
                                .contains(
                                        "https://twitter.com/messages/compose?recipient_id=2000001"));
        browser.awaitText("reply-count", "with the mention");
        browser.click("send");
        awaitDelivery("Sorry Dev! A fix is rolling out. DM us: https://twitter.com", "Sent");

        onConsole();
        browser.awaitText(
                "tw-brand-2000001",
                "@devp Sorry Dev! A fix is rolling out. DM us:"
                        + " https://twitter.com/messages/compose?recipient_id=2000001");
        browser.type("dm-send-2000001-input", "It is order 1234");
        browser.click("dm-send-2000001-send");

        onWorkspace();
        browser.awaitText("transcript", "It is order 1234");
        assertThat(lastIndicator()).contains("Private", "Dev Patel");
        browser.until(d -> browser.find("mode-PRIVATE").isSelected());
        browser.type("reply-text", "Thanks, order 1234 is on its way");
        browser.click("send");
        awaitDelivery("Thanks, order 1234 is on its way", "Sent");
        browser.screenshot("workspace-twitter");

        onConsole();
        browser.awaitText("dm-2000001-9003", "Thanks, order 1234 is on its way");
        browser.screenshot("console-twitter");

        // The supervisor's view: a mention answered in public that moved to private. Once
        // insight-service has the replies, the page shows them in its tables and charts.
        awaitInsights(
                "/summary",
                "publicConversations.find { it.channel == 'TWITTER' }.movedToPrivate",
                1);
        awaitInsights("/agents", "agents.find { it.agentId == 'acme-agent-1' }.sent", 2);
        onWorkspace();
        browser.click("open-insights");
        browser.awaitText("responses-TWITTER-PUBLIC", "Public");
        browser.awaitText("responses-TWITTER-PRIVATE", "Private");
        browser.awaitText("public-TWITTER", "(");
        browser.awaitText("tile-moved", "of public conversations moved to private");
        browser.awaitText("agents-table", "Your replies");
        browser.find("agent-acme-agent-1");
        for (String chart : List.of("chart-responses", "chart-replies", "chart-moves")) {
            browser.until(
                    d ->
                            !d.findElements(By.cssSelector("[data-test='" + chart + "'] canvas"))
                                    .isEmpty());
        }
        browser.screenshot("workspace-insights");
        browser.click("close-insights");
        browser.find("take-next");
    }

    /**
     * Waits until insight-service's answer (today, in the browser's zone: UTC here) holds at least
     * this many at the path.
     */
    private static void awaitInsights(String endpoint, String path, int atLeast) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            Number value =
                                    given().baseUri(suite.insights.baseUrl())
                                            .header(
                                                    "Authorization",
                                                    AgentTokens.bearer("acme", "acme-agent-1"))
                                            .queryParam("from", today)
                                            .queryParam("to", today)
                                            .queryParam("zone", "UTC")
                                            .get("/api/insights" + endpoint)
                                            .then()
                                            .statusCode(200)
                                            .extract()
                                            .path(path);
                            return value != null && value.intValue() >= atLeast;
                        });
    }

    @Test
    void aCommentShowingAPhoneNumberIsFlaggedHiddenAndAnsweredPrivately() throws Exception {
        // Not 8005: the outlet page's story finds that person's only conversation by name.
        String text = "Still no refund!! Call me on 07911 123456 tonight";
        commentOnThePagePost("8004", text);
        String comment = commentShowing(text);

        // Flagged under the comment, and the toggle starts on a Private Response, saying why.
        onWorkspace();
        browser.click("conversation-8004");
        browser.awaitText("transcript", text);
        browser.until(
                d ->
                        consumersMessage(text)
                                .findElement(By.cssSelector("[data-test='personal-data']"))
                                .getText()
                                .contains("Contains personal data: phone number"));
        browser.awaitText("reply-suggestion", "The consumer's comment shows their phone number");
        browser.until(d -> browser.find("mode-PRIVATE_RESPONSE").isSelected());
        browser.awaitText("profile-name", "Chen Wei");
        browser.screenshot("workspace-personal-data-flag");

        // One click hides it from the public.
        consumersMessage(text)
                .findElement(By.cssSelector("[data-test='hide-personal-data']"))
                .click();
        browser.until(
                d ->
                        consumersMessage(text)
                                .findElement(By.cssSelector("[data-test='moderation-status']"))
                                .getText()
                                .equals("Hidden by acme-agent-1"));

        // A public draft with a phone number: the workspace warns while the agent types, and the
        // server refuses it until the agent confirms (the brand's own hotline may be public).
        browser.click("mode-PUBLIC");
        String hotline = "Sorry! Our refunds team is on +44 20 7946 0958 until 8pm";
        browser.type("reply-text", hotline);
        browser.awaitText(
                "personal-data-warning",
                "This public reply would publish personal data: phone number");
        browser.screenshot("workspace-personal-data-warning");
        browser.click("send");
        browser.awaitText("reply-error", "Would publish personal data: phone number");
        assertThat(browser.driver.findElements(By.cssSelector("[data-test='message-OUTBOUND']")))
                .noneMatch(message -> message.getText().contains(hotline));
        browser.click("confirm-personal-data");
        browser.click("send");
        awaitDelivery(hotline, "Sent");

        // And the private answer the toggle suggested.
        browser.click("mode-PRIVATE_RESPONSE");
        browser.type("reply-text", "We will call you tonight about the refund");
        browser.click("send");
        awaitDelivery("We will call you tonight about the refund", "Sent");
        browser.screenshot("workspace-personal-data-answered");

        // Facebook's visitors no longer see the number.
        onConsole();
        browser.find("fb-hidden-" + comment);
        browser.until(d -> !browser.find("fb-item-" + comment).getText().contains("07911"));
    }

    @Test
    void aSecondPrivateResponseToTheSameCommentShowsFacebooksRefusal() throws Exception {
        commentOnThePagePost("8002", "Wrong size delivered");
        onWorkspace();
        browser.click("conversation-8002");
        browser.awaitText("transcript", "Wrong size delivered");

        // Someone at the brand answers that comment privately from Facebook's own Page inbox: the
        // transcript shows it, sent outside the workspace.
        onConsole();
        browser.click("fb-inbox-reply-" + commentShowing("Wrong size delivered"));
        onWorkspace();
        assertThat(awaitDelivery("We have sent you a message.", "Sent"))
                .contains("AcmeCare", "sent outside the workspace");

        // The workspace cannot know it was a private reply to that comment; Facebook refuses.
        browser.click("mode-PRIVATE_RESPONSE");
        browser.type("reply-text", "Could you send us your order number?");
        browser.click("send");
        String refusal = awaitDelivery("Could you send us your order number?", "Failed");
        assertThat(refusal)
                .contains("This comment has already been answered privately (Facebook: (#10900)");
        browser.screenshot("workspace-second-private-response");
    }

    @Test
    void aNewConversationArrivesLiveAndUnreadAndCanBeFilteredAndClosed() throws Exception {
        tweetAtTheBrand("9001", "is the winter sale on?");

        // No reload: the list learns of it from the live stream, and marks it unread.
        onWorkspace();
        browser.until(d -> listEntry("9001").getAttribute("aria-label").endsWith(", unread"));
        assertThat(listEntry("9001").getText()).contains("Bob", "is the winter sale on?");
        browser.screenshot("workspace-list-unread");

        showConversations("OPEN", "FACEBOOK");
        browser.until(d -> !listed("9001"));
        showConversations("OPEN", "TWITTER");
        browser.click("conversation-9001");
        browser.until(d -> !listEntry("9001").getAttribute("aria-label").endsWith(", unread"));

        browser.click("close-conversation");
        browser.until(d -> !listed("9001"));
        showConversations("CLOSED", "TWITTER");
        browser.until(d -> listed("9001"));
    }

    @Test
    void aLongTranscriptOpensAtItsNewestPageAndEarlierOnesLoadAsTheAgentScrollsUp()
            throws Exception {
        // Sixty Messenger messages from someone the simulator does not know, a second apart.
        String psid = "long-" + UUID.randomUUID().toString().substring(0, 8);
        long start = System.currentTimeMillis() - 120_000;
        for (int n = 1; n <= 60; n++) {
            String body =
                    FacebookWebhooks.messenger(
                            "1000001",
                            psid,
                            "m_" + psid + "_" + n,
                            "line %03d".formatted(n),
                            start + n * 1_000L);
            FacebookWebhooks.postSigned(suite.ingest, body).statusCode(200);
        }
        onWorkspace();
        showConversations("OPEN", "");
        // In one partition, in order: the last one listed means all sixty are stored.
        browser.until(d -> listed(psid) && listEntry(psid).getText().contains("line 060"));
        browser.click("conversation-" + psid);

        // The newest page: 011 to 060, and a way to the earlier ones.
        browser.awaitText("transcript", "line 060");
        assertThat(browser.find("transcript").getText())
                .contains("line 011")
                .doesNotContain("line 010");
        browser.find("load-older");

        // Scrolled to the top, the earlier page loads above, in order, and nothing is left.
        browser.driver.executeScript(
                "arguments[0].scrollTop = 0; arguments[0].dispatchEvent(new Event('scroll'))",
                browser.find("transcript"));
        browser.awaitText("transcript", "line 001");
        String transcript = browser.find("transcript").getText();
        assertThat(transcript.indexOf("line 001"))
                .isLessThan(transcript.indexOf("line 010"))
                .isLessThan(transcript.indexOf("line 011"));
        browser.until(d -> d.findElements(By.cssSelector("[data-test='load-older']")).isEmpty());
        browser.screenshot("workspace-earlier-messages");
    }

    @Test
    void whatArrivesWhileTheLiveStreamIsDownShowsOnceItIsBack() {
        onWorkspace();
        browser.until(d -> d.findElement(By.id("live")).getText().equals("Live"));
        String text = "anyone there? " + System.nanoTime();

        suite.restartConversations(
                () -> {
                    browser.until(
                            d -> d.findElement(By.id("live")).getText().startsWith("Reconnecting"));
                    // Ingest takes it; nobody can store or announce it until the service is back.
                    onConsole();
                    new Select(browser.find("fb-person-select")).selectByValue("8004");
                    browser.type("messenger-send-1000001-input", text);
                    browser.click("messenger-send-1000001-send");
                    onWorkspace();
                });

        // No reload: the workspace reconnects by itself and reads again what it missed.
        browser.until(d -> listed("8004") && listEntry("8004").getText().contains(text));
        browser.until(d -> d.findElement(By.id("live")).getText().equals("Live"));
    }

    @AfterEach
    void showOpenConversationsOfAllChannels() {
        onWorkspace();
        new Select(browser.find("filter-view")).selectByValue("ALL");
        new Select(browser.find("filter-sort")).selectByValue("ACTIVITY");
        showConversations("OPEN", "");
    }

    /**
     * No page asks for something that is not there. The REST API's 404s are answers, not missing
     * resources (a profile the network has not given yet is one), so they do not count.
     */
    @AfterEach
    void noPageResourceAnswered404() {
        assertThat(browser.responses())
                .filteredOn(response -> !response.url().contains("/api/"))
                .noneMatch(response -> response.status() == 404);
    }

    /** The page's icon was asked for and found (a missing one is the browser's usual 404). */
    private static void awaitFavicon(String site) {
        browser.until(
                d ->
                        browser.responses()
                                .contains(new Browser.Response(200, site + "/favicon.svg")));
    }

    private static void showConversations(String status, String channel) {
        new Select(browser.find("filter-status")).selectByValue(status);
        new Select(browser.find("filter-channel")).selectByValue(channel);
    }

    private static WebElement listEntry(String consumerId) {
        return browser.find("conversation-" + consumerId);
    }

    private static boolean listed(String consumerId) {
        return !browser.driver
                .findElements(By.cssSelector("[data-test='conversation-" + consumerId + "']"))
                .isEmpty();
    }

    /** On the console, the person tweets at AcmeCare. */
    private static void tweetAtTheBrand(String personId, String text) {
        onConsole();
        new Select(browser.find("tw-person-select")).selectByValue(personId);
        browser.type("tweet-at-2000001-input", text);
        browser.click("tweet-at-2000001-send");
    }

    /** On the console, the person comments on AcmeCare's post. */
    private static void commentOnThePagePost(String personId, String text) {
        commentOnThePagePost("1000001", personId, text);
    }

    private static void commentOnThePagePost(String pageId, String personId, String text) {
        onConsole();
        new Select(browser.find("fb-person-select")).selectByValue(personId);
        // Read inside the wait: the console re-renders as events arrive.
        String post =
                browser.until(
                                d ->
                                        d.findElement(
                                                        By.cssSelector(
                                                                "[data-test='fb-page-"
                                                                        + pageId
                                                                        + "'] [data-test^='fb-item-"
                                                                        + pageId
                                                                        + "_']"))
                                                .getAttribute("data-test"))
                        .substring("fb-item-".length());
        browser.type("fb-comment-" + post + "-input", text);
        browser.click("fb-comment-" + post + "-send");
    }

    /** The id of the Facebook comment the console shows with that text. */
    private static String commentShowing(String text) {
        By comment =
                By.xpath(
                        "//article[starts-with(@data-test, 'fb-item-')][div[@class='text' and"
                                + " text()='"
                                + text
                                + "']]");
        return browser.until(d -> d.findElement(comment).getAttribute("data-test"))
                .substring("fb-item-".length());
    }

    /** What the Posts page says of each comment of the open post. */
    private static List<String> answers() {
        return browser.driver.findElements(By.cssSelector("[data-test='comment-answer']")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The consumer's message with this text, in the open transcript. */
    private static WebElement consumersMessage(String text) {
        return browser.until(
                d ->
                        d.findElement(
                                By.xpath(
                                        "//article[@data-test='message-INBOUND'][div[@class='bubble'"
                                            + " and text()='"
                                                + text
                                                + "']]")));
    }

    /** The indicator under the consumer's latest message. */
    private static String lastIndicator() {
        return browser.until(
                d -> {
                    var indicators =
                            d.findElements(
                                    By.cssSelector(
                                            "[data-test='message-INBOUND']"
                                                    + " [data-test='indicator']"));
                    return indicators.isEmpty()
                            ? null
                            : indicators.get(indicators.size() - 1).getText();
                });
    }

    /** Waits for the agent's message to show the status, and returns what its indicator says. */
    private static String awaitDelivery(String text, String status) {
        return browser.until(
                d -> {
                    for (WebElement message :
                            d.findElements(By.cssSelector("[data-test='message-OUTBOUND']"))) {
                        String shown = message.getText();
                        if (shown.contains(text)
                                && message.findElement(
                                                By.cssSelector("[data-test='delivery-status']"))
                                        .getText()
                                        .equals(status)) {
                            return shown;
                        }
                    }
                    return null;
                });
    }

    /**
     * Puts each case of the conformance table in the reply box and reads the counter the server's
     * check fills in: the weight with the mention, over the limit when Twitter/X would refuse it.
     * The value is set by script, as ChromeDriver cannot type characters outside the basic plane.
     */
    private static void countsAsTwitterDoes(int mention) {
        WebElement box = browser.find("reply-text");
        for (TwitterTextCases.Case c : TwitterTextCases.ALL) {
            for (String text : List.of("", c.text())) {
                ((JavascriptExecutor) browser.driver)
                        .executeScript(
                                "arguments[0].value = arguments[1];"
                                        + " arguments[0].dispatchEvent(new Event('input'));",
                                box,
                                text);
                String expected =
                        text.isEmpty()
                                ? ""
                                : (c.weightedLength() + mention) + " / 280 with the mention";
                try {
                    browser.until(d -> browser.find("reply-count").getText().equals(expected));
                } catch (TimeoutException timeout) {
                    assertThat(browser.find("reply-count").getText())
                            .as(c.description())
                            .isEqualTo(expected);
                    throw timeout;
                }
            }
            if (!c.text().isEmpty()) {
                boolean refused = !c.valid() || c.weightedLength() + mention > 280;
                assertThat(browser.find("reply-count").getAttribute("class").contains("over"))
                        .as(c.description())
                        .isEqualTo(refused);
            }
        }
        box.clear();
    }

    private static void onConsole() {
        browser.driver.switchTo().window(console);
    }

    private static void onWorkspace() {
        browser.driver.switchTo().window(workspace);
    }
}
