package br.com.opera360.kernel.user;


import java.time.Instant;

/** A user as the API shows it. {@code status} is ACTIVE or INACTIVE. */
public record UserDetails(String id, String name, String email, String phone, String cpf, ProfileRef profile,
                          String status, Instant createdAt, Instant lastLoginAt) {
}
