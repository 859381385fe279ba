package br.com.opera360.app.demo;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Cep;
import br.com.opera360.kernel.common.Uf;
import br.com.opera360.kernel.service.Address;
import br.com.opera360.kernel.service.ChangeService;
import br.com.opera360.kernel.service.Designation;
import br.com.opera360.kernel.service.Location;
import br.com.opera360.kernel.service.RegisterService;
import br.com.opera360.kernel.service.ServiceChanges;
import br.com.opera360.kernel.service.ServiceRegistration;
import br.com.opera360.kernel.service.ServiceStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * The demo account's contracted services: 300 of them in 19 places of 15 UFs (about 16 share each CEP), every status
 * and service type, most with a location, some with changes in their history. Everything is derived from the index,
 * never from today, so a restart sends the same commands and ingestion's idempotency makes them change nothing.
 */
@Component
class DemoServices {
    static final int COUNT = 300;
    private static final Logger log = LoggerFactory.getLogger(DemoServices.class);

    private record Place(String code, String street, String district, String city, Uf uf, String cep, double lat, double lon) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("SPO", "Av. Paulista", "Bela Vista", "São Paulo", Uf.SP, "01310100", -23.5614, -46.6559),
            new Place("SPO", "Av. Brigadeiro Faria Lima", "Itaim Bibi", "São Paulo", Uf.SP, "04538132", -23.5868, -46.6818),
            new Place("CPS", "Rua Barão de Jaguara", "Centro", "Campinas", Uf.SP, "13015001", -22.9056, -47.0608),
            new Place("SJC", "Av. Andrômeda", "Jardim Satélite", "São José dos Campos", Uf.SP, "12230000", -23.2237, -45.9009),
            new Place("RJO", "Av. Rio Branco", "Centro", "Rio de Janeiro", Uf.RJ, "20090003", -22.8990, -43.1780),
            new Place("RJO", "Av. das Américas", "Barra da Tijuca", "Rio de Janeiro", Uf.RJ, "22640100", -23.0004, -43.3659),
            new Place("BHE", "Av. Afonso Pena", "Centro", "Belo Horizonte", Uf.MG, "30130001", -19.9227, -43.9389),
            new Place("SSA", "Av. Sete de Setembro", "Centro", "Salvador", Uf.BA, "40060001", -12.9777, -38.5126),
            new Place("REC", "Av. Boa Viagem", "Boa Viagem", "Recife", Uf.PE, "51011000", -8.1230, -34.9010),
            new Place("FEN", "Alameda do Boldró", "Vila dos Remédios", "Fernando de Noronha", Uf.PE, "53990000", -3.8547, -32.4247),
            new Place("FOR", "Av. Beira Mar", "Meireles", "Fortaleza", Uf.CE, "60165121", -3.7257, -38.4905),
            new Place("CTA", "Rua XV de Novembro", "Centro", "Curitiba", Uf.PR, "80020310", -25.4296, -49.2713),
            new Place("POA", "Av. Borges de Medeiros", "Centro Histórico", "Porto Alegre", Uf.RS, "90020025", -30.0331, -51.2300),
            new Place("BSB", "SCS Quadra 1", "Asa Sul", "Brasília", Uf.DF, "70301000", -15.7975, -47.8919),
            new Place("GYN", "Av. Goiás", "Setor Central", "Goiânia", Uf.GO, "74005010", -16.6799, -49.2550),
            new Place("MAO", "Av. Eduardo Ribeiro", "Centro", "Manaus", Uf.AM, "69010001", -3.1316, -60.0233),
            new Place("PVH", "Av. Sete de Setembro", "Centro", "Porto Velho", Uf.RO, "76801000", -8.7612, -63.9004),
            new Place("FLN", "Rua Felipe Schmidt", "Centro", "Florianópolis", Uf.SC, "88010001", -27.5969, -48.5495),
            new Place("BEL", "Av. Presidente Vargas", "Campina", "Belém", Uf.PA, "66017000", -1.4521, -48.4902));

    private static final String[] TYPES = {"Link Dedicado", "MPLS", "Internet Banda Larga", "SD-WAN", "Lan to Lan"};
    private static final String[] TYPE_CODES = {"IP", "MPLS", "BL", "SDWAN", "L2L"};
    private static final int[] SPEEDS = {10, 20, 50, 100, 200, 300, 500, 1000};
    private static final ServiceStatus[] STATUSES = {ServiceStatus.ACTIVE, ServiceStatus.ACTIVE, ServiceStatus.ACTIVE,
            ServiceStatus.ACTIVE, ServiceStatus.ACTIVE, ServiceStatus.ACTIVE, ServiceStatus.INSTALLING,
            ServiceStatus.SUSPENDED, ServiceStatus.CANCELLED, ServiceStatus.ACTIVE};

    private final CommandGateway commands;

    DemoServices(CommandGateway commands) {
        this.commands = commands;
    }

    void load(AccountId account) {
        int created = 0;
        int changed = 0;
        for (int i = 0; i < COUNT; i++) {
            Place place = PLACES.get(i % PLACES.size());
            int type = (i / PLACES.size()) % TYPES.length;
            var designation = new Designation(String.format("%s-%s-%05d", place.code(), TYPE_CODES[type], 1001 + i));
            ServiceStatus status = STATUSES[i % STATUSES.length];
            int speed = SPEEDS[(i * 7) % SPEEDS.length];
            // a few metres apart around the CEP's point; every 15th service has no location yet
            Location location = i % 15 == 14 ? null
                    : new Location(place.lat() + ((i * 37) % 21 - 10) * 0.0001, place.lon() + ((i * 53) % 21 - 10) * 0.0001);
            var address = new Address(place.street(), String.valueOf(100 + (i * 13) % 900), i % 4 == 0 ? "Sala " + (i % 30 + 1) : null,
                    place.district(), place.city(), place.uf(), new Cep(place.cep()));
            LocalDate activatedOn = status == ServiceStatus.INSTALLING ? null : LocalDate.of(2023, 1, 2).plusDays(i * 3L);
            ServiceRegistration registration = commands.sendAndWait(RegisterService.of(account, designation, TYPES[type],
                    "CT-" + (2023 + i % 3) + "-" + String.format("%03d", 1 + i % 12), "CLI-" + (7001 + i % 5), speed,
                    status, activatedOn, address, location));
            if (registration.created()) created++;
            changed += history(account, designation, i, status, speed);
        }
        if (created > 0 || changed > 0) log.info("Demo services loaded: {} registered, {} changes recorded.", created, changed);
    }

    /** Some services get a history: upgrades, an installation finished, a suspension. Re-sent, they change nothing. */
    private int history(AccountId account, Designation designation, int i, ServiceStatus status, int speed) {
        int changes = 0;
        if (status == ServiceStatus.ACTIVE && i % 20 == 1) {
            changes += send(ChangeService.of(account, designation, null, speed * 2, null, null));
        }
        if (status == ServiceStatus.INSTALLING && i % 20 == 6) {
            changes += send(ChangeService.of(account, designation, ServiceStatus.ACTIVE, null, null, null));
        }
        if (status == ServiceStatus.ACTIVE && i % 30 == 3) {
            changes += send(ChangeService.of(account, designation, ServiceStatus.SUSPENDED, null, null, null));
        }
        return changes;
    }

    private int send(ChangeService change) {
        ServiceChanges result = commands.sendAndWait(change);
        return result.changes().size();
    }
}
