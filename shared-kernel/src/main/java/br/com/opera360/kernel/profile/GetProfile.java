package br.com.opera360.kernel.profile;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.ProfileId;

public record GetProfile(AccountId accountId, ProfileId profileId) {
}
