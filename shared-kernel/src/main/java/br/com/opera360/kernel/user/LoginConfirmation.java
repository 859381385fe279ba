package br.com.opera360.kernel.user;

/** Result of {@link ConfirmLogin}: {@code version} is the user's version the view must reach (lastLoginAt). */
public record LoginConfirmation(boolean accepted, String userId, String accountId, long version,
                                boolean mustChangePassword) {
    public static LoginConfirmation refused() {
        return new LoginConfirmation(false, null, null, -1, false);
    }
}
