package org.therapybooking.booking.joinpage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.StringWebResponse;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.WebConnectionWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.localstack.testing.MeetingLinkStub;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The join pages in a browser engine (HtmlUnit, Chrome profile; Chromium is not on the build machines): every state
 * renders an HTML page in English with one heading and a viewport for phones, with no script errors, and a link in
 * its window lands on the Jitsi URL (the Jitsi host is answered by a stand-in: the tests reach no outside host).
 */
@QuarkusTest
class JoinPageBrowserTest extends IntegrationTest {

    @TestHTTPResource("/")
    URL base;

    private WebClient browser;
    private final List<String> scriptErrors = new ArrayList<>();

    @BeforeEach
    void openBrowser() {
        browser = new WebClient(BrowserVersion.CHROME);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        browser.getOptions().setCssEnabled(true);
        browser.setRefreshHandler((page, url, seconds) -> { }); // the waiting page's reload is checked as markup
        browser.setJavaScriptErrorListener(new org.htmlunit.javascript.SilentJavaScriptErrorListener() {
            @Override
            public void scriptException(HtmlPage page, org.htmlunit.ScriptException e) {
                scriptErrors.add(e.getMessage());
            }
        });
        new WebConnectionWrapper(browser) {
            @Override
            public WebResponse getResponse(WebRequest request) throws IOException {
                if (request.getUrl().toString().startsWith(MeetingLinkStub.JITSI_BASE)) {
                    return new StringWebResponse("<html><head><title>Jitsi Meet</title></head><body></body></html>",
                            request.getUrl());
                }
                return super.getResponse(request);
            }
        };
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        clock.reset();
        assertEquals(List.of(), scriptErrors, "script errors");
    }

    @Test
    void everyStatesPageRendersAndAGoodLinkLandsInTheMeeting() throws Exception {
        Api.UserAccount client = api.newUser("Zoë", "O'Brien");
        JsonPath booking = api.book(client.token(), api.slot(1)).statusCode(201).extract().jsonPath();
        long id = booking.getLong("id");
        Instant start = Instant.parse(booking.getString("scheduled_at"));
        Instant end = Instant.parse(booking.getString("ends_at"));
        String link = local(booking.getString("join_url"));

        assertPage(link, 403, "Your session has not started yet");
        clock.advanceTo(start);
        assertPage(link, 402, "Payment needed before you join");
        Db.update("update booking set payment_status = 'succeeded' where id = ?", id);

        Page meeting = browser.getPage(link);
        String room = MeetingLinkStub.expectedUrl(booking.getString("jitsi_room_id"), "client", "Zoë", "O'Brien");
        assertEquals(URI.create(room).getPath(), meeting.getUrl().toURI().getPath(), "lands in the room");
        assertEquals("meet.example.test", meeting.getUrl().getHost());
        // the booking page (the emails' "your booking page" without a front end): its join link lands there too
        HtmlPage bookingPage = assertPage(link + "/booking", 200, "Your therapy session");
        Page joined = bookingPage.getAnchorByText("Join the video session").click();
        assertEquals(URI.create(room).getPath(), joined.getUrl().toURI().getPath(), "the page's link lands in the room");

        clock.advanceTo(end.plus(Duration.ofMinutes(20)));
        assertPage(link, 410, "This session has ended");
        clock.reset();

        JsonPath moved = api.as(client.token()).body(Map.of("new_schedule_id", api.slot(1)))
                .put("/api/bookings/" + id + "/reschedule").then().statusCode(200).extract().jsonPath();
        assertPage(link, 410, "This session has moved");
        assertTrue(assertPage(link + "/booking", 200, "Your therapy session").getAnchors().isEmpty(),
                "no join link on a moved booking's page");
        api.as(client.token()).body(Map.of()).post("/api/bookings/" + id + "/cancel").then().statusCode(200);
        assertPage(local(moved.getString("join_url")), 410, "This session was cancelled");
        assertPage(new URL(base, "/j/not-a-link").toString(), 404, "This link does not open a session");
    }

    private HtmlPage assertPage(String url, int status, String heading) throws IOException {
        HtmlPage page = browser.getPage(url);
        assertEquals(status, page.getWebResponse().getStatusCode(), url);
        assertTrue(page.getWebResponse().getContentType().equals("text/html"), page.getWebResponse().getContentType());
        assertEquals(List.of(heading), page.getByXPath("//h1").stream().map(h -> ((org.htmlunit.html.HtmlElement) h)
                .asNormalizedText()).toList());
        assertEquals(heading, page.getTitleText());
        assertEquals("en", page.getDocumentElement().getAttribute("lang"));
        assertTrue(page.getByXPath("//meta[@name='viewport']").size() == 1, "viewport for phones");
        assertTrue(page.getByXPath("//script").isEmpty(), "no script needed");
        return page;
    }

    /** The link as the test's server answers it (the configured public base is not this port). */
    private String local(String joinUrl) throws Exception {
        return new URL(base, URI.create(joinUrl).getPath()).toString();
    }
}
