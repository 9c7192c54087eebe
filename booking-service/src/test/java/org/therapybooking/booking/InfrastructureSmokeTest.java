package org.therapybooking.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.therapybooking.localstack.KafkaTestResource;
import org.therapybooking.localstack.PostgresTestResource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InfrastructureSmokeTest extends org.therapybooking.booking.support.IntegrationTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void healthIsUpWithTheDatabaseAndReportsTheOutboxBacklog() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
        // Kafka is deliberately not a readiness dependency (the outbox absorbs outages); the backlog is reported
        given().when().get("/q/health/well").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem("Outbox backlog"));
    }

    @Test
    void openApiNamesPropertiesTheWayTheApiDoes() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.BookingView.properties.keySet()", org.hamcrest.Matchers.hasItems(
                        "jitsi_room_id", "jitsi_room_url", "personalized_meeting_url", "scheduled_at"))
                .body("components.schemas.AdminBookingView.properties.keySet()",
                        org.hamcrest.Matchers.hasItem("admin_meeting_url"))
                .body("components.schemas.MeetingLinkView.properties.keySet()",
                        org.hamcrest.Matchers.hasItems("booking_id", "meeting_url", "is_admin", "scheduled_at"))
                .body("components.schemas.AdminBookingPage.properties.keySet()",
                        org.hamcrest.Matchers.hasItems("bookings", "total", "limit", "offset", "meeting_links_status"));
    }

    @Test
    void talksToTheRealPostgresServer() throws Exception {
        try (var connection = dataSource.getConnection();
                var result = connection.createStatement().executeQuery("select version(), current_database()")) {
            result.next();
            assertEquals(PostgresTestResource.databaseName("booking_test"), result.getString(2));
            org.junit.jupiter.api.Assertions.assertTrue(result.getString(1).startsWith("PostgreSQL"));
        }
    }

    @Test
    void aMessageCrossesTheRealBroker() {
        String key = UUID.randomUUID().toString();
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrapServers,
                "acks", "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("booking.events", key, "{\"smoke\":true}")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "smoke-" + key, "auto.offset.reset", "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("booking.events"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        assertEquals("{\"smoke\":true}", record.value());
                        return;
                    }
                }
            }
        }
        throw new AssertionError("message did not come back from the broker " + KafkaTestResource.broker().bootstrapServers());
    }
}
