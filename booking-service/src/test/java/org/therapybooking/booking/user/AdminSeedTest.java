package org.therapybooking.booking.user;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.IntegrationTest;

import io.quarkus.test.junit.QuarkusTest;

/** The admin seed run against an address somebody registered first (the startup observer calls the same logic). */
@QuarkusTest
class AdminSeedTest extends IntegrationTest {

    private static final String SEED_PASSWORD = "seed-password-from-env-1";

    @Inject
    UserService users;

    @Test
    void promotingASelfRegisteredAccountReplacesItsPassword() {
        String email = "therapist-" + UUID.randomUUID() + "@example.org";
        Api.UserAccount squatter = api.newUser("Eve", "Early", email);
        api.as(squatter.token()).get("/api/auth/me").then().body("is_admin", is(false));

        users.seed(email.toUpperCase(), Optional.of(SEED_PASSWORD), "Dana", "Smith", "UTC");

        // whoever registered the address first is locked out; the seed password opens the admin account
        assertEquals(401, api.loginResponse(email, Api.PASSWORD).extract().statusCode());
        String token = api.login(email, SEED_PASSWORD);
        api.as(token).get("/api/auth/me").then().statusCode(200).body("id", equalTo((int) squatter.id()))
                .body("is_admin", is(true)).body("groups", containsInAnyOrder("user", "admin", "practice_admin"));

        // a later start with another seed password leaves an existing admin alone
        users.seed(email, Optional.of("another-seed-password"), "Dana", "Smith", "UTC");
        assertEquals(200, api.loginResponse(email, SEED_PASSWORD).extract().statusCode());
    }

    @Test
    void promotionWithoutASeedPasswordFailsAndChangesNothing() {
        String email = "therapist-" + UUID.randomUUID() + "@example.org";
        api.newUser("Eve", "Early", email);
        assertThrows(IllegalStateException.class,
                () -> users.seed(email, Optional.empty(), "Dana", "Smith", "UTC"));
        api.as(api.login(email, Api.PASSWORD)).get("/api/auth/me").then().body("is_admin", is(false));
    }
}
