package org.therapybooking.booking.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One reset link sent: the SHA-256 of its token (never the token), its lifetime and whether it was used. */
@Entity
@Table(name = "password_reset")
public class PasswordReset extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(name = "token_hash", nullable = false)
    public byte[] tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** 'password' (reset or invitation) or 'email' (verifies {@link #email}). */
    @Column(nullable = false)
    public String purpose = PASSWORD;

    /** The address an 'email' link verifies; null for a password link. */
    public String email;

    public static final String PASSWORD = "password";
    public static final String EMAIL = "email";
}
