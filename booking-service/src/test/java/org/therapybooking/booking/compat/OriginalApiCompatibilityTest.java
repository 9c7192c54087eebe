package org.therapybooking.booking.compat;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.booking.support.StripeStub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The original API's frontends work unchanged: every step of {@code original-api/flows.json} (the requests the
 * original documents, exactly as documented, and the fields its frontends read) is sent over HTTP in order, and
 * the status and every listed field (JSON type, and value where given) are checked.
 */
@QuarkusTest
class OriginalApiCompatibilityTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\w+)}}");
    /** Values the steps refer to: given here, or saved by earlier steps. Steps run in fixture order. */
    private static final Map<String, JsonNode> VARIABLES = new HashMap<>();

    static Stream<Arguments> steps() {
        JsonNode fixture = fixture();
        List<Arguments> steps = new ArrayList<>();
        int n = 0;
        for (JsonNode step : fixture.path("steps")) {
            steps.add(Arguments.of(String.format("%02d %s", ++n, step.path("name").asText()), step));
        }
        return steps.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void theOriginalRequestIsAnsweredWithTheFieldsItsFrontendReads(String name, JsonNode step) throws Exception {
        givenValues();
        RequestSpecification request = given().contentType(ContentType.JSON).accept(ContentType.JSON);
        if (step.has("as")) {
            request = request.auth().oauth2(variable(step.path("as").asText()).asText());
        }
        if (step.has("body")) {
            request = request.body(JSON.writeValueAsString(resolve(step.path("body"))));
        }
        if (step.has("stripe")) {
            stripeAnswers(step.path("stripe"));
        }
        String path = resolve(TextNode.valueOf(step.path("path").asText())).asText();
        Response response = request.request(step.path("method").asText(), path);
        String body = response.asString();
        assertEquals(step.path("status").asInt(), response.statusCode(), name + ": " + body);
        JsonNode answer = body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);

        check(name, answer, step.path("reads_top"), step.path("expect_top"));
        JsonNode subject = answer;
        if (step.has("within")) {
            subject = element(name, answer, step.path("within"));
        }
        check(name, subject, step.path("reads"), step.path("expect"));
        for (Iterator<Map.Entry<String, JsonNode>> it = step.path("save").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> save = it.next();
            VARIABLES.put(save.getKey(), at(subject, save.getValue().asText()));
        }
    }

    private static void check(String step, JsonNode subject, JsonNode reads, JsonNode expect) {
        reads.fields().forEachRemaining(read -> {
            JsonNode value = at(subject, read.getKey());
            assertTrue(hasType(value, read.getValue().asText()), step + ": " + read.getKey() + " should be "
                    + read.getValue().asText() + " but is " + value + " in " + subject);
        });
        expect.fields().forEachRemaining(expected -> {
            JsonNode want = resolve(expected.getValue());
            JsonNode value = at(subject, expected.getKey());
            boolean same = want.isNumber() && value.isNumber() ? want.decimalValue().compareTo(value.decimalValue()) == 0
                    : want.isTextual() && value.isTextual() && isInstant(want.asText()) && isInstant(value.asText())
                            ? Instant.parse(want.asText()).equals(Instant.parse(value.asText()))
                            : want.equals(value);
            assertTrue(same, step + ": " + expected.getKey() + " should be " + want + " but is " + value);
        });
    }

    /** The element of the array the reads apply to: the one with the given id, or the first. */
    private static JsonNode element(String step, JsonNode answer, JsonNode within) {
        JsonNode array = at(answer, within.path("array").asText());
        assertTrue(array.isArray() && !array.isEmpty(), step + ": no " + within.path("array").asText() + " in " + answer);
        if (within.path("first").asBoolean()) {
            return array.get(0);
        }
        long id = resolve(within.path("id")).asLong();
        for (JsonNode item : array) {
            if (item.path("id").asLong() == id) {
                return item;
            }
        }
        return fail(step + ": no element with id " + id + " in " + array);
    }

    private static boolean hasType(JsonNode value, String types) {
        for (String type : types.split("\\|")) {
            boolean matches = switch (type) {
                case "string" -> value.isTextual();
                case "date-time" -> value.isTextual() && isInstant(value.asText());
                case "integer" -> value.isIntegralNumber();
                case "number" -> value.isNumber();
                case "boolean" -> value.isBoolean();
                case "array" -> value.isArray();
                case "object" -> value.isObject();
                case "null" -> value.isNull();
                default -> throw new IllegalArgumentException("unknown type in the fixture: " + type);
            };
            if (matches) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * What the Stripe stub answers for the booking's PaymentIntent (create and retrieve): the step's intent id and
     * status, with the booking's amount in the currency's minor units.
     */
    private static void stripeAnswers(JsonNode stripe) {
        long bookingId = variable("booking_id").asLong();
        String currency = variable("booking_currency").asText();
        long minor = variable("booking_amount").decimalValue()
                .movePointRight(Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits())
                .longValueExact();
        String intent = StripeStub.intent(stripe.path("intent").asText(), stripe.path("status").asText(), minor,
                currency.toLowerCase(Locale.ROOT), bookingId);
        StripeStub.onCreateIntent(bookingId, intent);
        StripeStub.onRetrieveIntent(stripe.path("intent").asText(), intent);
    }

    /** The value at a dotted path; missing fields are JSON's missing node (a type check fails on them). */
    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            current = current.path(part);
        }
        return current;
    }

    /** The fixture value with every {@code {{name}}} replaced; a whole-value variable keeps its JSON type. */
    private static JsonNode resolve(JsonNode value) {
        if (value.isTextual()) {
            Matcher whole = VARIABLE.matcher(value.asText());
            if (whole.matches()) {
                return variable(whole.group(1));
            }
            return TextNode.valueOf(VARIABLE.matcher(value.asText())
                    .replaceAll(m -> Matcher.quoteReplacement(variable(m.group(1)).asText())));
        }
        if (value.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            value.fields().forEachRemaining(f -> copy.set(f.getKey(), resolve(f.getValue())));
            return copy;
        }
        return value;
    }

    private static JsonNode variable(String name) {
        JsonNode value = VARIABLES.get(name);
        assertNotNull(value, "no value for {{" + name + "}}: an earlier step did not save it");
        return value;
    }

    /** The values the test gives the fixture: the seeded admin, a fresh e-mail, two slot windows a day ahead. */
    private static void givenValues() {
        if (VARIABLES.containsKey("email")) {
            return;
        }
        VARIABLES.put("admin_email", TextNode.valueOf(Api.ADMIN_EMAIL));
        VARIABLES.put("admin_password", TextNode.valueOf(Api.ADMIN_PASSWORD));
        VARIABLES.put("email", TextNode.valueOf("john.doe-" + UUID.randomUUID() + "@example.org"));
        Instant[] first = Api.freshWindow(Duration.ofDays(-29), 60);
        Instant[] second = Api.freshWindow(Duration.ofDays(-29), 60);
        VARIABLES.put("slot_start", TextNode.valueOf(first[0].toString()));
        VARIABLES.put("slot_end", TextNode.valueOf(first[1].toString()));
        VARIABLES.put("slot2_start", TextNode.valueOf(second[0].toString()));
        VARIABLES.put("slot2_end", TextNode.valueOf(second[1].toString()));
        VARIABLES.put("slot_date", TextNode.valueOf(first[0].atZone(ZoneOffset.UTC).toLocalDate().toString()));
    }

    private static JsonNode fixture() {
        try (InputStream in = OriginalApiCompatibilityTest.class.getResourceAsStream("/original-api/flows.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
