package org.therapybooking.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.therapybooking.localstack.GreenMailTestResource;
import org.therapybooking.localstack.KafkaTestResource;
import org.therapybooking.localstack.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification_test"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
class InfrastructureSmokeTest {
    @Test
    void healthIsUpWithDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiNamesPropertiesTheWayTheApiDoes() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.NotificationView.properties.keySet()",
                        org.hamcrest.Matchers.hasItems("recipient_role", "recipient_email", "reminder_offset"));
    }
}
