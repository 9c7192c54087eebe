package org.therapybooking.booking.support;

import static io.restassured.RestAssured.given;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a token as meeting-link-service does (its application.properties): RS256 only, key from booking-service's
 * JWKS as published at {@code /api/auth/jwks}, issuer therapy-booking, audience meeting-link-service, no relaxed
 * key validation. Throws when meeting-link-service would refuse the token.
 */
public final class ServiceTokenVerifier {

    private ServiceTokenVerifier() {
    }

    public static JsonWebToken verifyFor(String audience, String token) throws ParseException {
        String jwks = given().get("/api/auth/jwks").then().statusCode(200).extract().asString();
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setPublicKeyContent(jwks);
        info.setIssuedBy("therapy-booking");
        info.setExpectedAudience(Set.of(audience));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setRelaxVerificationKeyValidation(false);
        return new DefaultJWTParser(info).parse(token);
    }
}
