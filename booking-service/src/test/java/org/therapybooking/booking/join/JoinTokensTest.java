package org.therapybooking.booking.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.join.JoinTokens.Claim;
import org.therapybooking.booking.join.JoinTokens.Role;

/** The sealing itself, without the service: opaque, stable, bound to every field, and unforgeable. */
class JoinTokensTest {

    private final JoinTokens tokens = new JoinTokens(key((byte) 7));
    private final Claim claim = new Claim(123, 45, Role.CLIENT, 2);

    @Test
    void aSealedClaimOpensToItselfAndIsTheSameEveryTime() {
        String token = tokens.seal(claim);
        assertEquals(JoinTokens.TOKEN_CHARS, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        assertEquals(Optional.of(claim), tokens.open(token));
        assertEquals(token, tokens.seal(claim));
        assertEquals(Optional.of(new Claim(Long.MAX_VALUE, 1, Role.HOST, Integer.MAX_VALUE)),
                tokens.open(tokens.seal(new Claim(Long.MAX_VALUE, 1, Role.HOST, Integer.MAX_VALUE))));
    }

    @Test
    void everyFieldChangesTheWholeToken() {
        Set<String> seen = new HashSet<>();
        for (Claim other : new Claim[] {claim, new Claim(124, 45, Role.CLIENT, 2), new Claim(123, 46, Role.CLIENT, 2),
                new Claim(123, 45, Role.HOST, 2), new Claim(123, 45, Role.CLIENT, 3)}) {
            String token = tokens.seal(other);
            assertTrue(seen.add(token));
            // nothing of the content shows: no two tokens share their first 12 characters (the nonce)
            seen.stream().filter(t -> !t.equals(token))
                    .forEach(t -> assertNotEquals(t.substring(0, 12), token.substring(0, 12)));
        }
    }

    @Test
    void anyAlteredCharacterOrAnotherKeyDoesNotOpen() {
        String token = tokens.seal(claim);
        // every position but the last (its two low bits are base64 padding a decoder may ignore)
        for (int i = 0; i < token.length() - 1; i++) {
            char c = token.charAt(i);
            String altered = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertEquals(Optional.empty(), tokens.open(altered), "position " + i);
        }
        assertEquals(Optional.empty(), new JoinTokens(key((byte) 8)).open(token));
        assertFalse(tokens.open(token.substring(1)).isPresent());
        assertFalse(tokens.open(token + "A").isPresent());
        assertFalse(tokens.open("!".repeat(JoinTokens.TOKEN_CHARS)).isPresent());
        assertFalse(tokens.open(null).isPresent());
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
