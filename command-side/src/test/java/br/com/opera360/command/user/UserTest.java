package br.com.opera360.command.user;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.common.UserId;
import br.com.opera360.kernel.common.Written;
import br.com.opera360.kernel.user.DeactivateUser;
import br.com.opera360.kernel.user.ReactivateUser;
import br.com.opera360.kernel.user.UserCreated;
import br.com.opera360.kernel.user.UserDeactivated;
import br.com.opera360.kernel.user.UserReactivated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

class UserTest {
    private static final AccountId ACCOUNT = new AccountId("acme");
    private static final UserId USER = new UserId("u-1");
    private static final UserId MANAGER = new UserId("u-2");
    private final FixtureConfiguration<User> fixture = new AggregateTestFixture<>(User.class);

    private static UserCreated created(String id, boolean administrator) {
        return new UserCreated(id, "acme", "Ana", id + "@acme.com.br", null, null, "p-1", administrator);
    }

    @Test
    void a_manager_deactivates_another_user() {
        fixture.given(created("u-1", false))
               .when(new DeactivateUser(USER, ACCOUNT, MANAGER))
               .expectEvents(new UserDeactivated("u-1", "acme", "u-2"))
               .expectResultMessagePayload(new Written("u-1", 1));
    }

    @Test
    void nobody_deactivates_themselves_the_administrator_or_an_inactive_user() {
        fixture.given(created("u-1", false)).when(new DeactivateUser(USER, ACCOUNT, USER))
               .expectNoEvents().expectException(Rejected.class).expectExceptionMessage("Você não pode desativar o seu próprio usuário.");
        fixture.given(created("u-1", true)).when(new DeactivateUser(USER, ACCOUNT, MANAGER))
               .expectNoEvents().expectException(Rejected.class);
        fixture.given(created("u-1", false), new UserDeactivated("u-1", "acme", "u-2"))
               .when(new DeactivateUser(USER, ACCOUNT, MANAGER))
               .expectNoEvents().expectExceptionMessage("Este usuário já está desativado.");
    }

    @Test
    void an_inactive_user_is_reactivated_once() {
        fixture.given(created("u-1", false), new UserDeactivated("u-1", "acme", "u-2"))
               .when(new ReactivateUser(USER, ACCOUNT, MANAGER))
               .expectEvents(new UserReactivated("u-1", "acme", "u-2"));
        fixture.given(created("u-1", false))
               .when(new ReactivateUser(USER, ACCOUNT, MANAGER))
               .expectNoEvents().expectExceptionMessage("Este usuário já está ativo.");
    }

    @Test
    void another_accounts_user_is_not_found() {
        fixture.given(created("u-1", false))
               .when(new DeactivateUser(USER, new AccountId("other"), MANAGER))
               .expectNoEvents().expectExceptionMessage("Usuário não encontrado.");
    }
}
