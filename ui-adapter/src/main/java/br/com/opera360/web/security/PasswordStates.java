package br.com.opera360.web.security;

import reactor.core.publisher.Mono;

/** Whether a user still holds a temporary password; implemented by the credential store. */
public interface PasswordStates {
    Mono<Boolean> mustChangePassword(String userId);
}
