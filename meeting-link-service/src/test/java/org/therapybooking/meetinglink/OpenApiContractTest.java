package org.therapybooking.meetinglink;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.therapybooking.meetinglink.api.BatchRequest;
import org.therapybooking.meetinglink.api.BatchResponse;
import org.therapybooking.meetinglink.api.MeetingLinkApi;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The served OpenAPI document matches the contract module the callers build their clients from: both operations
 * of {@link MeetingLinkApi}, and every schema with exactly the api records' components in snake_case. A component
 * added to a record but not served (or served but not in the record) fails here.
 */
@QuarkusTest
class OpenApiContractTest {

    private static JsonPath document() {
        return given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    private static Set<String> snakeCaseComponents(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(c -> c.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    @Test
    void bothOperationsTakeAndAnswerTheApiRecords() {
        JsonPath doc = document();
        assertOperation(doc, MeetingLinkApi.PATH, "MeetingLinkRequest", "MeetingLinkResponse");
        assertOperation(doc, MeetingLinkApi.PATH + "/batch", "BatchRequest", "BatchResponse");
    }

    private static void assertOperation(JsonPath doc, String path, String request, String response) {
        Map<String, Object> post = doc.getMap("paths.'" + path + "'.post");
        assertNotNull(post, "POST " + path + " is not in the OpenAPI document");
        assertEquals("#/components/schemas/" + request,
                doc.getString("paths.'" + path + "'.post.requestBody.content.'application/json'.schema.$ref"));
        assertEquals("#/components/schemas/" + response,
                doc.getString("paths.'" + path + "'.post.responses.'200'.content.'application/json'.schema.$ref"));
    }

    @ParameterizedTest
    @ValueSource(classes = { MeetingLinkRequest.class, MeetingLinkRequest.Participant.class,
            MeetingLinkRequest.Session.class, MeetingLinkResponse.class, BatchRequest.class, BatchResponse.class })
    @SuppressWarnings("unchecked")
    void everySchemaHasTheRecordsComponentsInSnakeCase(Class<?> type) {
        Map<String, Object> properties = document().getMap("components.schemas." + type.getSimpleName() + ".properties");
        assertNotNull(properties, type.getSimpleName() + " is not in the OpenAPI document");
        assertEquals(snakeCaseComponents((Class<? extends Record>) type), properties.keySet());
    }
}
