package br.com.opera360.command.user;

import br.com.opera360.command.common.Aggregates;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Finding users for the identity flows, from event-sourced state only: by e-mail claim, by id, the account's Administrator. */
@Component
class UserDirectory {
    private final Repository<User> users;
    private final Repository<EmailClaim> emailClaims;
    private final AccountFacts accounts;

    UserDirectory(Repository<User> users, Repository<EmailClaim> emailClaims, AccountFacts accounts) {
        this.users = users;
        this.emailClaims = emailClaims;
        this.accounts = accounts;
    }

    /** The user who owns that e-mail address, if anyone does. */
    Optional<Aggregate<User>> owning(String email) {
        return Aggregates.find(emailClaims, email).map(claim -> claim.invoke(EmailClaim::userId)).map(users::load);
    }

    /** The user of that account, or 404: another account's user is simply unknown. */
    Aggregate<User> of(String userId, String accountId) {
        return User.loadOf(users, userId, accountId);
    }

    Aggregate<User> load(String userId) {
        return users.load(userId);
    }

    Aggregate<User> administratorOf(Aggregate<User> user) {
        return users.load(accounts.administratorOf(user.invoke(User::accountId)));
    }

    /** The account's first access is its Administrator's: until then nobody else may log in (user guide). */
    boolean mayLogIn(Aggregate<User> user) {
        return user.invoke(User::administrator) || administratorOf(user).invoke(User::everLoggedIn);
    }
}
