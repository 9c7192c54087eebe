package org.therapybooking.meetinglink.displayname;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.therapybooking.meetinglink.TestConfigs;
import org.therapybooking.meetinglink.link.Role;

class DisplayNameResolverTest {

    private static DisplayNameResolver resolver(String... kv) {
        return new DisplayNameResolver(TestConfigs.config(kv));
    }

    @Test
    void customDisplayNameWinsAndIsTrimmed() {
        assertEquals("Dr. Ada", resolver().resolve("  Dr. Ada ", "Ada", "Lovelace", "ada@example.org", Role.HOST));
    }

    @Test
    void blankCustomNameFallsThroughToPolicy() {
        assertEquals("Ada Lovelace", resolver().resolve(" \t\n", "Ada", "Lovelace", null, Role.CLIENT));
    }

    @Test
    void fullNameIsTheDefault() {
        assertEquals("Zoë O'Brien", resolver().resolve(null, "Zoë", "O'Brien", null, Role.CLIENT));
        assertEquals("Zoë", resolver().resolve(null, "Zoë", null, null, Role.CLIENT));
        assertEquals("O'Brien", resolver().resolve(null, "", "O'Brien", null, Role.CLIENT));
    }

    @Test
    void firstNameLastInitial() {
        DisplayNameResolver r = resolver("meeting-links.display-name.policy", "first_name_last_initial");
        assertEquals("Zoë O.", r.resolve(null, "Zoë", "o'brien", null, Role.CLIENT));
        assertEquals("Ana Ō.", r.resolve(null, "Ana", "Ōtsuka", null, Role.CLIENT));
        assertEquals("Ana O\u0304.", r.resolve(null, "Ana", "O\u0304tsuka", null, Role.CLIENT));
        assertEquals("Zoë", r.resolve(null, "Zoë", "", null, Role.CLIENT));
        // no first name: the last name alone would say more than the policy allows
        assertEquals("Client", r.resolve(null, null, "O'Brien", "zoe@example.org", Role.CLIENT));
    }

    @Test
    void firstNameOnly() {
        DisplayNameResolver r = resolver("meeting-links.display-name.policy", "FIRST_NAME");
        assertEquals("Zoë", r.resolve(null, "Zoë", "O'Brien", null, Role.CLIENT));
        assertEquals("Therapist", r.resolve(null, null, "Smith", null, Role.HOST));
    }

    @Test
    void neverTheEmailByDefault() {
        DisplayNameResolver r = resolver();
        assertEquals("Client", r.resolve(null, null, null, "zoe@example.org", Role.CLIENT));
        assertEquals("Therapist", r.resolve(null, " ", "", "dr@example.org", Role.HOST));
        assertEquals("Observer", r.resolve(null, null, null, "o@example.org", Role.OBSERVER));
        assertEquals("Presenter", r.resolve(null, null, null, "p@example.org", Role.PRESENTER));
    }

    @Test
    void emailOnlyWhenExplicitlyAllowed() {
        DisplayNameResolver r = resolver("meeting-links.display-name.allow-email-fallback", "true");
        assertEquals("zoe@example.org", r.resolve(null, null, null, "zoe@example.org", Role.CLIENT));
        assertEquals("Client", r.resolve(null, null, null, null, Role.CLIENT));
    }

    @Test
    void fallbacksAreConfigurable() {
        DisplayNameResolver r = resolver("meeting-links.display-name.fallback.client", "Klient",
                "meeting-links.display-name.fallback.host", "Therapeut:in");
        assertEquals("Klient", r.resolve(null, null, null, null, Role.CLIENT));
        assertEquals("Therapeut:in", r.resolve(null, null, null, null, Role.HOST));
    }

    @Test
    void lengthCapIsConfigurable() {
        DisplayNameResolver r = resolver("meeting-links.display-name.max-length", "5");
        assertEquals("Maxim", r.resolve("Maximilian", null, null, null, Role.CLIENT));
        assertEquals("Ana L", r.resolve(null, "Ana", "Lovelace", null, Role.CLIENT));
    }

    @Test
    void unknownPolicyFailsAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> resolver("meeting-links.display-name.policy", "email"));
    }
}
