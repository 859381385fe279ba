package br.com.opera360.command.service;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Cep;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.common.Uf;
import br.com.opera360.kernel.service.Address;
import br.com.opera360.kernel.service.ChangeService;
import br.com.opera360.kernel.service.Designation;
import br.com.opera360.kernel.service.GeoPoint;
import br.com.opera360.kernel.service.Location;
import br.com.opera360.kernel.service.RegisterService;
import br.com.opera360.kernel.service.ServiceAddress;
import br.com.opera360.kernel.service.ServiceAddressChanged;
import br.com.opera360.kernel.service.ServiceChanges;
import br.com.opera360.kernel.service.ServiceLocationChanged;
import br.com.opera360.kernel.service.ServiceRegistered;
import br.com.opera360.kernel.service.ServiceRegistration;
import br.com.opera360.kernel.service.ServiceSpeedChanged;
import br.com.opera360.kernel.service.ServiceStatus;
import br.com.opera360.kernel.service.ServiceStatusChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static br.com.opera360.kernel.service.ServiceStatus.ACTIVE;
import static br.com.opera360.kernel.service.ServiceStatus.CANCELLED;
import static br.com.opera360.kernel.service.ServiceStatus.INSTALLING;
import static br.com.opera360.kernel.service.ServiceStatus.SUSPENDED;

class ServiceTest {
    static final AccountId ACME = new AccountId("acme");
    static final Designation DESIGNATION = new Designation("SPO-IP-0001");
    static final String ID = "acme:SPO-IP-0001";
    static final Address PAULISTA = new Address("Av. Paulista", "1000", "10º andar", "Bela Vista", "São Paulo", Uf.SP, new Cep("01310-100"));
    static final Address RIO_BRANCO = new Address("Av. Rio Branco", "1", null, "Centro", "Rio de Janeiro", Uf.RJ, new Cep("20090003"));
    static final LocalDate ACTIVATED = LocalDate.of(2025, 11, 3);

    private final FixtureConfiguration<Service> fixture = new AggregateTestFixture<>(Service.class);

    @BeforeEach
    void handlers() {
        fixture.registerAnnotatedCommandHandler(new ServiceIngestion(fixture.getRepository(), ACME.value()::equals));
    }

    static RegisterService register(int speed, ServiceStatus status, Location location) {
        return RegisterService.of(ACME, DESIGNATION, "Link Dedicado", "CT-2024-001", "CLI-77", speed, status, ACTIVATED,
                PAULISTA, location);
    }

    static ServiceRegistered registered(int speed, ServiceStatus status) {
        return new ServiceRegistered(ID, "acme", "SPO-IP-0001", "Link Dedicado", "CT-2024-001", "CLI-77", speed,
                status.name(), ACTIVATED, PAULISTA.toFacts(), new GeoPoint(-23.561, -46.656));
    }

    static ChangeService change(ServiceStatus status, Integer speed, Address address, Location location) {
        return ChangeService.of(ACME, DESIGNATION, status, speed, address, location);
    }

    @Test
    void a_service_of_a_known_account_is_registered() {
        fixture.givenNoPriorActivity()
               .when(register(100, ACTIVE, new Location(-23.561, -46.656)))
               .expectSuccessfulHandlerExecution()
               .expectEvents(registered(100, ACTIVE))
               .expectResultMessagePayload(new ServiceRegistration("SPO-IP-0001", true));
    }

    @Test
    void a_service_of_an_unknown_account_is_not_found_and_nothing_is_recorded() {
        var other = RegisterService.of(new AccountId("nobody"), DESIGNATION, "Link Dedicado", "CT", "CLI", 100, ACTIVE,
                null, PAULISTA, null);
        fixture.givenNoPriorActivity()
               .when(other)
               .expectNoEvents()
               .expectException(Rejected.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("Conta nobody não encontrada"));
    }

    @Test
    void an_identical_resend_records_nothing_and_answers_not_created() {
        fixture.given(registered(100, ACTIVE))
               .when(register(100, ACTIVE, new Location(-23.561, -46.656)))
               .expectNoEvents()
               .expectResultMessagePayload(new ServiceRegistration("SPO-IP-0001", false));
    }

    @Test
    void the_original_registration_is_still_identical_after_later_changes() {
        fixture.given(registered(100, ACTIVE), new ServiceSpeedChanged(ID, "acme", "SPO-IP-0001", 100, 200))
               .when(register(100, ACTIVE, new Location(-23.561, -46.656)))
               .expectNoEvents()
               .expectResultMessagePayload(new ServiceRegistration("SPO-IP-0001", false));
    }

    @Test
    void a_different_registration_of_the_same_designation_is_a_conflict() {
        fixture.given(registered(100, ACTIVE))
               .when(register(200, ACTIVE, new Location(-23.561, -46.656)))
               .expectNoEvents()
               .expectException(Rejected.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("Já existe um serviço com a designação SPO-IP-0001"));
    }

    @Test
    void a_speed_change_records_the_previous_and_the_new_speed() {
        fixture.given(registered(100, ACTIVE))
               .when(change(null, 200, null, null))
               .expectEvents(new ServiceSpeedChanged(ID, "acme", "SPO-IP-0001", 100, 200))
               .expectResultMessagePayload(new ServiceChanges("SPO-IP-0001", List.of("SPEED_CHANGED")));
    }

    @Test
    void a_change_that_changes_nothing_records_nothing() {
        fixture.given(registered(100, ACTIVE))
               .when(change(ACTIVE, 100, PAULISTA, new Location(-23.561, -46.656)))
               .expectNoEvents()
               .expectResultMessagePayload(new ServiceChanges("SPO-IP-0001", List.of()));
    }

    @Test
    void a_move_records_the_address_and_the_location_then_the_status_last() {
        ServiceAddress from = PAULISTA.toFacts();
        fixture.given(registered(100, ACTIVE))
               .when(change(SUSPENDED, 300, RIO_BRANCO, new Location(-22.903, -43.177)))
               .expectEvents(new ServiceSpeedChanged(ID, "acme", "SPO-IP-0001", 100, 300),
                       new ServiceAddressChanged(ID, "acme", "SPO-IP-0001", from, RIO_BRANCO.toFacts()),
                       new ServiceLocationChanged(ID, "acme", "SPO-IP-0001", new GeoPoint(-23.561, -46.656), new GeoPoint(-22.903, -43.177)),
                       new ServiceStatusChanged(ID, "acme", "SPO-IP-0001", "ACTIVE", "SUSPENDED"));
    }

    @Test
    void a_location_is_set_on_a_service_registered_without_one() {
        var withoutLocation = new ServiceRegistered(ID, "acme", "SPO-IP-0001", "Link Dedicado", "CT-2024-001", "CLI-77", 100,
                "INSTALLING", null, PAULISTA.toFacts(), null);
        fixture.given(withoutLocation)
               .when(change(null, null, null, new Location(-23.5, -46.6)))
               .expectEvents(new ServiceLocationChanged(ID, "acme", "SPO-IP-0001", null, new GeoPoint(-23.5, -46.6)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"INSTALLING, ACTIVE", "INSTALLING, CANCELLED", "ACTIVE, SUSPENDED", "ACTIVE, CANCELLED",
            "SUSPENDED, ACTIVE", "SUSPENDED, CANCELLED"})
    void allowed_status_transitions_are_recorded(ServiceStatus from, ServiceStatus to) {
        fixture.given(registered(100, from))
               .when(change(to, null, null, null))
               .expectEvents(new ServiceStatusChanged(ID, "acme", "SPO-IP-0001", from.name(), to.name()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"INSTALLING, SUSPENDED", "ACTIVE, INSTALLING", "SUSPENDED, INSTALLING"})
    void other_status_transitions_are_a_conflict(ServiceStatus from, ServiceStatus to) {
        fixture.given(registered(100, from))
               .when(change(to, 200, null, null))
               .expectNoEvents()
               .expectException(Rejected.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("Não é possível mudar o status"));
    }

    @Test
    void a_cancelled_service_cannot_be_reactivated() {
        fixture.given(registered(100, ACTIVE), new ServiceStatusChanged(ID, "acme", "SPO-IP-0001", "ACTIVE", "CANCELLED"))
               .when(change(ACTIVE, null, null, null))
               .expectNoEvents()
               .expectException(Rejected.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("está cancelado"));
    }

    @Test
    void a_cancelled_service_cannot_be_changed_in_any_other_way() {
        fixture.given(registered(100, CANCELLED))
               .when(change(null, 200, null, null))
               .expectNoEvents()
               .expectException(Rejected.class);
        fixture.given(registered(100, CANCELLED))
               .when(change(null, null, RIO_BRANCO, null))
               .expectNoEvents()
               .expectException(Rejected.class);
    }

    @Test
    void resending_the_cancellation_changes_nothing_and_is_no_conflict() {
        fixture.given(registered(100, CANCELLED))
               .when(change(CANCELLED, 100, null, null))
               .expectNoEvents()
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(new ServiceChanges("SPO-IP-0001", List.of()));
    }

    @Test
    void a_change_of_an_unknown_service_is_not_found() {
        fixture.givenNoPriorActivity()
               .when(change(ACTIVE, null, null, null))
               .expectNoEvents()
               .expectException(Rejected.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("não encontrado"));
    }
}
