package br.com.opera360.command.account;

import br.com.opera360.kernel.account.AccountRegistered;
import br.com.opera360.kernel.account.ProfileCreated;
import br.com.opera360.kernel.account.RegisterAccount;
import br.com.opera360.kernel.common.Functionality;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.common.Written;
import br.com.opera360.kernel.profile.ChangeProfile;
import br.com.opera360.kernel.profile.CreateProfile;
import br.com.opera360.kernel.profile.ProfileChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The customer account: owns its profiles (names unique within the account) and knows its Administrator. */
@Aggregate
public class CustomerAccount {
    static final String ADMINISTRATOR_PROFILE = "Administrador";

    @AggregateIdentifier
    private String accountId;
    private String administratorId;
    private final Map<String, String> profileIdsByNameKey = new HashMap<>();
    private final Map<String, String> nameKeysByProfileId = new HashMap<>();
    private final Set<String> builtInProfileIds = new HashSet<>();

    protected CustomerAccount() {
    }

    CustomerAccount(RegisterAccount cmd) {
        apply(new AccountRegistered(cmd.accountId().value(), cmd.cnpj().value(), cmd.companyName(),
                cmd.administratorId().value()));
        apply(new ProfileCreated(cmd.accountId().value(), cmd.administratorProfileId().value(), ADMINISTRATOR_PROFILE,
                Arrays.stream(Functionality.values()).map(Enum::name).toList(), true));
    }

    @CommandHandler
    Written handle(CreateProfile cmd) {
        String id = cmd.profileId().value();
        if (nameKeysByProfileId.containsKey(id)) {
            throw Rejected.conflict("profile.exists", "Este perfil já foi criado.");
        }
        requireFreeName(cmd.name(), id);
        apply(new ProfileCreated(accountId, id, cmd.name(), codes(cmd.functionalities()), false));
        return new Written(id, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    Written handle(ChangeProfile cmd) {
        String id = cmd.profileId().value();
        if (!nameKeysByProfileId.containsKey(id)) {
            throw Rejected.notFound("profile.not-found", "Perfil não encontrado.");
        }
        if (builtInProfileIds.contains(id)) {
            throw Rejected.conflict("profile.built-in",
                    "O perfil Administrador é do sistema e não pode ser alterado. Crie um novo perfil, se precisar.");
        }
        requireFreeName(cmd.name(), id);
        apply(new ProfileChanged(accountId, id, cmd.name(), codes(cmd.functionalities())));
        return new Written(id, AggregateLifecycle.getVersion());
    }

    /** Whether a user may be given this profile: it must be one of this account's. */
    public boolean hasProfile(String profileId) {
        return profileId != null && nameKeysByProfileId.containsKey(profileId);
    }

    public String administratorId() {
        return administratorId;
    }

    private void requireFreeName(String name, String profileId) {
        String owner = profileIdsByNameKey.get(nameKey(name));
        if (owner != null && !owner.equals(profileId)) {
            throw Rejected.conflict("profile.name-taken",
                    "Já existe um perfil com o nome \"" + name + "\" nesta conta. Escolha outro nome.");
        }
    }

    private static List<String> codes(List<Functionality> functionalities) {
        return functionalities.stream().map(Enum::name).toList();
    }

    /** Profile names are unique ignoring case and accents ("Financeiro" = "FINANCEIRO" = "Finançeiro"). */
    static String nameKey(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    @EventSourcingHandler
    void on(AccountRegistered e) {
        accountId = e.accountId();
        administratorId = e.administratorId();
    }

    @EventSourcingHandler
    void on(ProfileCreated e) {
        profileIdsByNameKey.put(nameKey(e.name()), e.profileId());
        nameKeysByProfileId.put(e.profileId(), nameKey(e.name()));
        if (e.builtIn()) builtInProfileIds.add(e.profileId());
    }

    @EventSourcingHandler
    void on(ProfileChanged e) {
        String previous = nameKeysByProfileId.put(e.profileId(), nameKey(e.name()));
        if (previous != null) profileIdsByNameKey.remove(previous);
        profileIdsByNameKey.put(nameKey(e.name()), e.profileId());
    }
}
