package org.therapybooking.booking.auth;

import jakarta.enterprise.context.ApplicationScoped;

import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.problem.ProblemType;
import org.therapybooking.booking.user.User;
import org.therapybooking.booking.user.UserService;
import org.therapybooking.booking.user.UserView;

import io.quarkus.elytron.security.common.BcryptUtil;

@ApplicationScoped
public class AuthService {

    /** Compared against when the account does not exist, so unknown e-mails cost the same time as wrong passwords. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not-a-real-password-timing-equalizer");

    private final LoginRateLimiter rateLimiter;
    private final TokenService tokens;
    private final UserService users;

    public AuthService(LoginRateLimiter rateLimiter, TokenService tokens, UserService users) {
        this.rateLimiter = rateLimiter;
        this.tokens = tokens;
        this.users = users;
    }

    /** Creates the account and signs it in, as the original API's register did. */
    public AuthResource.RegisterResponse register(UserService.Registration registration) {
        User user = users.register(registration);
        return new AuthResource.RegisterResponse(UserView.of(user), tokens.issue(user));
    }

    /**
     * Read-only and deliberately outside a transaction: no pooled connection is held while bcrypt runs. A deactivated
     * staff account gets the same answer as a wrong password.
     */
    public TokenService.TokenResponse login(String email, String password, String clientAddress) {
        rateLimiter.checkAndCountAttempt(email, clientAddress);
        User user = User.findByEmail(email.trim()).orElse(null);
        boolean matches = BcryptUtil.matches(password, user == null ? DUMMY_HASH : user.passwordHash);
        if (user == null || !matches || user.deactivatedAt != null) {
            // the attempt was counted before the check: nothing more to record
            throw new ApiException(ProblemType.UNAUTHORIZED, "E-mail or password is wrong");
        }
        rateLimiter.recordSuccess(email);
        return tokens.issue(user);
    }
}
