package br.com.opera360.command.account;

import br.com.opera360.kernel.account.AccountRegistered;
import br.com.opera360.kernel.account.ProfileCreated;
import br.com.opera360.kernel.account.RegisterAccount;
import br.com.opera360.kernel.common.Functionality;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The customer account: owns its profiles (names unique within the account) and knows its Administrator. */
@Aggregate
public class CustomerAccount {
    static final String ADMINISTRATOR_PROFILE = "Administrador";

    @AggregateIdentifier
    private String accountId;
    private String administratorId;
    private final Map<String, String> profileIdsByNameKey = new HashMap<>();

    protected CustomerAccount() {
    }

    CustomerAccount(RegisterAccount cmd) {
        apply(new AccountRegistered(cmd.accountId().value(), cmd.cnpj().value(), cmd.companyName(),
                cmd.administratorId().value()));
        apply(new ProfileCreated(cmd.accountId().value(), cmd.administratorProfileId().value(), ADMINISTRATOR_PROFILE,
                Arrays.stream(Functionality.values()).map(Enum::name).toList(), true));
    }

    /** Profile names are unique ignoring case and accents ("Financeiro" = "FINANCEIRO" = "Finançeiro"). */
    static String nameKey(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    String accountId() {
        return accountId;
    }

    @EventSourcingHandler
    void on(AccountRegistered e) {
        accountId = e.accountId();
        administratorId = e.administratorId();
    }

    @EventSourcingHandler
    void on(ProfileCreated e) {
        profileIdsByNameKey.put(nameKey(e.name()), e.profileId());
    }
}
