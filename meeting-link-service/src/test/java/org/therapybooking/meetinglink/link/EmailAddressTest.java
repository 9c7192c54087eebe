package org.therapybooking.meetinglink.link;

import static org.junit.jupiter.api.Assertions.assertEquals;


import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Email;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written e-mail rule agrees with Bean Validation's @Email (Hibernate Validator), which it replaced. */
class EmailAddressTest {

    record Holder(@Email String email) {
    }

    private static ValidatorFactory factory;
    private static Validator oracle;

    @BeforeAll
    static void oracle() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        oracle = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "zoe@example.org", "Zoë.O'Brien@example.org", "a@b", "a.b.c@d.e", "a..b@c.d", ".a@b.c",
            "a.@b.c", "a@", "@b.c", "ab.c", "a@b.", "a@.b", "a@b..c", "a@-b.c", "a@b-.c", "a@b--c.d", "a@b_c.d",
            "a b@c.d", "a@b c.d", "a@@b.c", "a@b@c.d", "\"a b\"@c.d", "\"a@b\"@c.d", "\"\"@c.d", "\"a\".b@c.d",
            "\"a\"b@c.d", "\"a\".\"b\"@c.d", "\"a\\\"b\"@c.d", "\"a..b\"@c.d", "a\"b@c.d", "\"a@c.d",
            "a@[1.2.3.4]", "a@[1.2.3]", "a@[1.2.3.4444]", "a@[999.2.3.4]", "a@[IPv6:::1]", "a@[ipv6:2001:db8::1]",
            "a@[IPv6:2001:db8:0:0:0:0:0:1]", "a@[IPv6:2001:db8::1::2]", "a@[IPv6:1:2:3:4:5:6:7:8:9]", "a@[IPv6:::ffff:1.2.3.4]",
            "a@[IPv6:fe80::1%eth0]", "a@[IPv6:g::1]", "a@[]", "a@[x]", "ü@ü.de", "a@münchen.de", "a@xn--mnchen-3ya.de",
            "a@😀.de", "😀@b.de", "a@b.c\u0000", "a\tb@c.d", "a+tag@example.org", "a{b}|c@d.e", "a@b!c.d",
            "a@0123456789012345678901234567890123456789012345678901234567890123.de",
            "a@012345678901234567890123456789012345678901234567890123456789012.de",
            "01234567890123456789012345678901234567890123456789012345678901234@b.c",
            "0123456789012345678901234567890123456789012345678901234567890123@b.c",
            "a@\u202Eb.c", "a@b\u00A0c.d", "a@\uD800.de", "\uDC00@b.de"})
    void agreesWithHibernateValidator(String email) {
        boolean expected = oracle.validate(new Holder(email)).isEmpty();
        assertEquals(expected, EmailAddress.isWellFormed(email), email);
    }

    @ParameterizedTest
    @ValueSource(ints = {250, 256, 300})
    void longDomains(int length) {
        StringBuilder domain = new StringBuilder();
        while (domain.length() < length) {
            domain.append(domain.length() == 0 ? "" : ".").append("abcdefghij");
        }
        String email = "a@" + domain;
        assertEquals(oracle.validate(new Holder(email)).isEmpty(), EmailAddress.isWellFormed(email), email);
    }
}
