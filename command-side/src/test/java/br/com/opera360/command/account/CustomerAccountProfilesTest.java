package br.com.opera360.command.account;

import br.com.opera360.kernel.account.AccountRegistered;
import br.com.opera360.kernel.account.ProfileCreated;
import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Functionality;
import br.com.opera360.kernel.common.ProfileId;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.common.Written;
import br.com.opera360.kernel.profile.ChangeProfile;
import br.com.opera360.kernel.profile.CreateProfile;
import br.com.opera360.kernel.profile.ProfileChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static br.com.opera360.kernel.common.Functionality.INVOICES_VIEW;
import static br.com.opera360.kernel.common.Functionality.SERVICES_VIEW;

class CustomerAccountProfilesTest {
    private static final String ACCOUNT = "acme";
    private static final AccountId ACCOUNT_ID = new AccountId(ACCOUNT);
    private final FixtureConfiguration<CustomerAccount> fixture = new AggregateTestFixture<>(CustomerAccount.class);

    private static Object[] registered() {
        return new Object[]{
                new AccountRegistered(ACCOUNT, "11222333000181", "Acme", "admin-1"),
                new ProfileCreated(ACCOUNT, "p-admin", "Administrador", List.of("INVOICES_VIEW"), true)};
    }

    private static CreateProfile create(String id, String name, Functionality... functionalities) {
        return new CreateProfile(ACCOUNT_ID, new ProfileId(id), name, List.of(functionalities));
    }

    @Test
    void a_profile_is_created_with_its_functionalities_in_the_contracts_order() {
        fixture.given(registered())
               .when(create("p-1", " Financeiro ", SERVICES_VIEW, INVOICES_VIEW, SERVICES_VIEW))
               .expectEvents(new ProfileCreated(ACCOUNT, "p-1", "Financeiro", List.of("INVOICES_VIEW", "SERVICES_VIEW"), false))
               .expectResultMessagePayload(new Written("p-1", 2));
    }

    @Test
    void a_name_taken_ignoring_case_and_accents_is_refused() {
        fixture.given(registered())
               .andGiven(new ProfileCreated(ACCOUNT, "p-1", "Técnico", List.of(), false))
               .when(create("p-2", "TECNICO"))
               .expectNoEvents().expectException(Rejected.class);
    }

    @Test
    void a_rename_may_change_case_but_not_take_another_profiles_name() {
        fixture.given(registered())
               .andGiven(new ProfileCreated(ACCOUNT, "p-1", "Técnico", List.of(), false),
                         new ProfileCreated(ACCOUNT, "p-2", "Financeiro", List.of(), false))
               .when(new ChangeProfile(ACCOUNT_ID, new ProfileId("p-1"), "financeiro", List.of()))
               .expectNoEvents().expectException(Rejected.class);
        fixture.given(registered())
               .andGiven(new ProfileCreated(ACCOUNT, "p-1", "Técnico", List.of(), false))
               .when(new ChangeProfile(ACCOUNT_ID, new ProfileId("p-1"), "TÉCNICO", List.of(SERVICES_VIEW)))
               .expectEvents(new ProfileChanged(ACCOUNT, "p-1", "TÉCNICO", List.of("SERVICES_VIEW")));
    }

    @Test
    void the_old_name_is_free_again_after_a_rename() {
        fixture.given(registered())
               .andGiven(new ProfileCreated(ACCOUNT, "p-1", "Técnico", List.of(), false),
                         new ProfileChanged(ACCOUNT, "p-1", "Campo", List.of()))
               .when(create("p-2", "Técnico"))
               .expectEvents(new ProfileCreated(ACCOUNT, "p-2", "Técnico", List.of(), false));
    }

    @Test
    void the_built_in_profile_cannot_be_changed_and_an_unknown_one_is_not_found() {
        fixture.given(registered())
               .when(new ChangeProfile(ACCOUNT_ID, new ProfileId("p-admin"), "Chefes", List.of()))
               .expectNoEvents()
               .expectException(Rejected.class)
               .expectExceptionMessage("O perfil Administrador é do sistema e não pode ser alterado. Crie um novo perfil, se precisar.");
        fixture.given(registered())
               .when(new ChangeProfile(ACCOUNT_ID, new ProfileId("p-x"), "Chefes", List.of()))
               .expectNoEvents().expectExceptionMessage("Perfil não encontrado.");
    }
}
