package br.com.opera360.web.security;

/**
 * A live session as a request sees it: its user and whether that user holds a temporary password ({@code null} for a
 * session opened before sessions recorded it; the request then asks the credentials).
 */
public record LiveSession(String userId, Boolean mustChangePassword) {
}
