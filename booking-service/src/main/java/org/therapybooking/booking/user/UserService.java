package org.therapybooking.booking.user;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.time.TimeZones;
import org.therapybooking.booking.common.BookingConfig;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;

@ApplicationScoped
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);

    private final Clock clock;
    private final BookingConfig config;
    private final AccountEvents accountEvents;
    private final Event<Registered> registered;

    public UserService(Clock clock, BookingConfig config, AccountEvents accountEvents, Event<Registered> registered) {
        this.clock = clock;
        this.config = config;
        this.accountEvents = accountEvents;
        this.registered = registered;
    }

    /** Fired inside the registration's transaction (the account package sends the verification link if required). */
    public record Registered(long userId) {
    }

    /** What a person registers with; {@code phone}, {@code location} and {@code timeZone} may be null. */
    public record Registration(String firstName, String lastName, String email, String phone, String location,
            String password, String timeZone) {
    }

    /**
     * Self-registration always creates a plain user; admins exist only through the seed configuration. Without a
     * time zone the account gets the practice's ({@code booking.practice.time-zone}).
     */
    @Transactional
    public User register(Registration registration) {
        String email = registration.email();
        String timeZone = registration.timeZone() == null || registration.timeZone().isBlank()
                ? config.practice().timeZone() : registration.timeZone();
        String normalizedEmail = email.trim();
        if (User.findByEmail(normalizedEmail).isPresent()) {
            throw ApiException.conflict("An account with this e-mail address already exists");
        }
        User user = new User();
        user.email = normalizedEmail;
        user.firstName = registration.firstName().trim();
        user.lastName = registration.lastName().trim();
        user.phone = blankToNull(registration.phone());
        user.location = blankToNull(registration.location());
        user.passwordHash = BcryptUtil.bcryptHash(registration.password());
        user.timeZone = TimeZones.parse(timeZone).getId();
        user.assign(Role.CLIENT);
        user.createdAt = clock.instant();
        user.persistAndFlush();
        registered.fire(new Registered(user.id));
        return user;
    }

    /** A profile change: null leaves a field as it is; a blank phone or location removes it. */
    public record ProfileChange(String firstName, String lastName, String phone, String location, String timeZone) {
    }

    /**
     * Applies the change to the account. When what emails show changes (names, zone), notification-service hears of
     * it through {@code account.updated} in the same transaction, so future emails (reminders of bookings already
     * made included) use the new values.
     */
    @Transactional
    public User updateProfile(long userId, ProfileChange change) {
        User user = User.lock(userId);
        if (user == null) {
            throw ApiException.notFound("User");
        }
        String before = user.firstName + "\u0000" + user.lastName + "\u0000" + user.timeZone;
        if (change.firstName() != null) {
            user.firstName = change.firstName().trim();
        }
        if (change.lastName() != null) {
            user.lastName = change.lastName().trim();
        }
        if (change.phone() != null) {
            user.phone = blankToNull(change.phone());
        }
        if (change.location() != null) {
            user.location = blankToNull(change.location());
        }
        if (change.timeZone() != null) {
            user.timeZone = TimeZones.parse(change.timeZone()).getId();
        }
        if (!before.equals(user.firstName + "\u0000" + user.lastName + "\u0000" + user.timeZone)) {
            accountEvents.updated(user, clock.instant());
        }
        return user;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public User get(long id) {
        User user = User.findById(id);
        if (user == null) {
            throw ApiException.notFound("User");
        }
        return user;
    }

    @Transactional
    void seedAdmin(@Observes StartupEvent event) {
        BookingConfig.Admin seed = config.admin();
        if (seed.seedEmail().isEmpty() || seed.seedEmail().get().isBlank()) {
            return;
        }
        seed(seed.seedEmail().get(), seed.seedPassword(), seed.seedFirstName(), seed.seedLastName(),
                seed.seedTimeZone());
    }

    /**
     * Creates the seed admin, or promotes the existing account with that address. Promotion also replaces the
     * password with the seed password: whoever registered the address first (possibly not the therapist) must not
     * keep access to an admin account. An existing admin is left as it is.
     */
    @Transactional
    void seed(String seedEmail, Optional<String> seedPassword, String firstName, String lastName, String timeZone) {
        String email = seedEmail.trim();
        String logEmail = email.toLowerCase(Locale.ROOT);
        User existing = User.findByEmail(email).orElse(null);
        if (existing != null && existing.role == Role.PRACTICE_ADMIN) {
            return;
        }
        String password = seedPassword.filter(p -> !p.isBlank()).orElseThrow(
                () -> new IllegalStateException("ADMIN_SEED_PASSWORD is required with ADMIN_SEED_EMAIL"));
        if (existing != null) {
            existing.assign(Role.PRACTICE_ADMIN);
            existing.deactivatedAt = null;
            existing.passwordHash = BcryptUtil.bcryptHash(password);
            LOG.warnf("Admin seed: promoted the existing self-registered account %s (id %d) to admin and replaced "
                    + "its password with ADMIN_SEED_PASSWORD; its previous password no longer works", logEmail,
                    existing.id);
            return;
        }
        User admin = new User();
        admin.email = email;
        admin.firstName = firstName;
        admin.lastName = lastName;
        admin.passwordHash = BcryptUtil.bcryptHash(password);
        admin.timeZone = TimeZones.parse(timeZone).getId();
        admin.assign(Role.PRACTICE_ADMIN);
        admin.createdAt = clock.instant();
        admin.persist();
        LOG.infof("Seeded admin account %s", logEmail);
    }
}
