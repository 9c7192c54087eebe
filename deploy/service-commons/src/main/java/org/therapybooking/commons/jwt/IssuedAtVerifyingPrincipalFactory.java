package org.therapybooking.commons.jwt;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * smallrye-jwt's verification plus one rule it lacks: a token issued in the future ({@code iat} later than now
 * plus the allowed clock skew) is refused. smallrye-jwt requires {@code iat} but only compares it with {@code exp}
 * and, with {@code mp.jwt.verify.token.age}, with the past; no setting rejects a future {@code iat}. The skew is
 * the one already used for {@code exp}: {@code mp.jwt.verify.clock.skew} (default 60 s). "Now" is the wall clock,
 * as for smallrye-jwt's own {@code exp} check (not the application's Clock, which tests move). Active in every
 * service that verifies tokens (those with quarkus-smallrye-jwt); a service without it excludes this bean.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class IssuedAtVerifyingPrincipalFactory extends DefaultJWTCallerPrincipalFactory {

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JWTCallerPrincipal principal = super.parse(token, authContextInfo);
        long now = System.currentTimeMillis() / 1000;
        if (principal.getIssuedAtTime() > now + authContextInfo.getClockSkew()) {
            throw new ParseException("token issued in the future: iat " + principal.getIssuedAtTime() + " is more than "
                    + authContextInfo.getClockSkew() + " s after now (" + now + ")");
        }
        return principal;
    }
}
