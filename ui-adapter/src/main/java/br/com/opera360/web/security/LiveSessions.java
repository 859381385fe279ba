package br.com.opera360.web.security;

import reactor.core.publisher.Mono;

import java.time.Duration;

/** The portal sessions as the request filter reads them; implemented by the identity store. */
public interface LiveSessions {
    /** A live session; empty when unknown, ended or expired. */
    Mono<LiveSession> find(String sessionId);

    /** How long an access token lives ({@code opera360.auth.session-lifetime}). */
    Duration lifetime();
}
