package org.therapybooking.booking.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String email;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    /** Lenient international format, as entered (see UserService.PHONE). */
    public String phone;

    public String location;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** The original API's {@code is_admin}: true for both staff roles (kept equal to {@code role.isStaff()}). */
    @Column(name = "is_admin", nullable = false)
    public boolean admin;

    @Column(nullable = false)
    public Role role = Role.CLIENT;

    /** When a practice admin deactivated this staff account; null while active. */
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    /** Raised when the password changes; tokens issued with a lower value are refused (auth.TokenVersions). */
    @Column(name = "token_version", nullable = false)
    public int tokenVersion;

    /** When the address was shown to be the person's (a link sent to it was used); null: not yet. */
    @Column(name = "email_verified_at")
    public Instant emailVerifiedAt;

    /** A new address waiting for its verification link to be used. */
    @Column(name = "pending_email")
    public String pendingEmail;

    /** When the person was erased (anonymized); null for a live account. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<User> findByEmail(String email) {
        return find("lower(email) = ?1", email.toLowerCase(java.util.Locale.ROOT)).firstResultOptional();
    }

    /** Locks the user's row: serializes that user's concurrent bookings and a therapist's slot changes. */
    public static User lock(long id) {
        return getEntityManager().find(User.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The token groups of this account (Role.groups). */
    public List<String> groups() {
        return role.groups();
    }

    /** Sets the role and keeps the original API's is_admin in step with it. */
    public void assign(Role newRole) {
        role = newRole;
        admin = newRole.isStaff();
    }
}
