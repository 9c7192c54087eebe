package org.therapybooking.meetinglink.displayname;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The no-copy shortcut for names that need no change never skips a change the full rewrite would make. */
class NameSanitizerTest {

    @ParameterizedTest
    @ValueSource(strings = { "Zoë O'Brien", "Ana", "محمد الأحمد", "李小龙", "Dr. \"Ana\" & <Bob>#1", "Ōtsuka",
            "Nguyễn Văn A", "a b c" })
    void cleanNamesAreReturnedAsTheyAre(String name) {
        assertTrue(NameSanitizer.isAlreadyClean(name), name);
        assertEquals(name, NameSanitizer.rewrite(name));
        assertEquals(name, NameSanitizer.clean(name, 200));
    }

    /** Surrogate pairs are left to the full rewrite (it checks pairing), which keeps valid emoji as they are. */
    @Test
    void emojiTakeTheRewriteAndSurviveIt() {
        String name = "Ōtsuka 👩🏽‍⚕️";
        assertFalse(NameSanitizer.isAlreadyClean(name));
        assertEquals(name, NameSanitizer.clean(name, 200));
    }

    @ParameterizedTest
    @ValueSource(strings = { " Ana", "Ana ", "Ana  Bob", "Ana\tBob", "Ana\nBob", "Ana\u00A0Bob", "Ana\u2003Bob",
            "\u202EAna", "Ana\u2066Bob", "\uFEFFAna", "Ana\uD800", "\uDC00Ana", "Ana\u0000", "Ana\u007F", "Ana\u0085",
            "Ana\u2028Bob", "\uFFFCAna" })
    void namesThatNeedAChangeTakeTheFullRewrite(String name) {
        assertFalse(NameSanitizer.isAlreadyClean(name), name);
        assertFalse(name.equals(NameSanitizer.rewrite(name)), name);
    }

    /** 50,000 random strings over a mix of ASCII, spaces, controls, bidi marks, surrogates and letters. */
    @Test
    void shortcutAgreesWithTheRewriteOnRandomText() {
        char[] alphabet = ("aZ '\"&#%=<>.-_ \t\n\r\u0000\u001F\u007F\u0085\u00A0\u00E9\u0647\u05D0\u4E2D\u200B\u200D"
                + "\u200E\u200F\u202A\u202E\u2066\u2069\u2028\u3000\uFEFF\uFFFC\uFFFD\uD83D\uDE00\uD800\uDC00")
                .toCharArray();
        Random random = new Random(20261126);
        int shortcuts = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(8); j > 0; j--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String name = text.toString();
            if (NameSanitizer.isAlreadyClean(name)) {
                shortcuts++;
                assertEquals(name, NameSanitizer.rewrite(name), () -> "shortcut taken for " + name.codePoints()
                        .mapToObj(Integer::toHexString).toList());
            }
        }
        assertTrue(shortcuts > 1_000, "the shortcut is exercised: " + shortcuts);
    }
}
