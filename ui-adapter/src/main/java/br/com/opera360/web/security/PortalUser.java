package br.com.opera360.web.security;

/** The signed-in portal user; authorities are the functionality codes. */
public record PortalUser(String userId, String accountId, java.util.Set<String> functionalities, boolean administrator, boolean mustChangePassword) {
}
