package br.com.opera360.kernel.profile;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Functionality;
import br.com.opera360.kernel.common.ProfileId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Objects;

public record ChangeProfile(@TargetAggregateIdentifier AccountId accountId, ProfileId profileId, String name,
                            List<Functionality> functionalities) {
    public ChangeProfile {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(profileId, "profileId");
        name = ProfileName.require(name);
        functionalities = ProfileName.sorted(functionalities);
    }
}
