package br.com.opera360.web.profile;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Functionality;
import br.com.opera360.kernel.common.ProfileId;
import br.com.opera360.kernel.profile.ChangeProfile;
import br.com.opera360.kernel.profile.CreateProfile;
import br.com.opera360.kernel.profile.ProfileName;
import br.com.opera360.web.common.Fields;

import java.util.ArrayList;
import java.util.List;

record ProfileRequest(String name, List<String> functionalities) {

    CreateProfile toCreate(AccountId accountId, ProfileId id) {
        var fields = new Fields();
        ProfileName n = fields.parse("name", () -> new ProfileName(name));
        List<Functionality> codes = codes(fields);
        fields.check();
        return new CreateProfile(accountId, id, n.value(), codes);
    }

    ChangeProfile toChange(AccountId accountId, ProfileId id) {
        var fields = new Fields();
        ProfileName n = fields.parse("name", () -> new ProfileName(name));
        List<Functionality> codes = codes(fields);
        fields.check();
        return new ChangeProfile(accountId, id, n.value(), codes);
    }

    private List<Functionality> codes(Fields fields) {
        if (functionalities == null) {
            fields.reject("functionalities", "é obrigatório");
            return List.of();
        }
        List<Functionality> codes = new ArrayList<>();
        for (int i = 0; i < functionalities.size(); i++) {
            String code = functionalities.get(i);
            Functionality f = fields.parse("functionalities[" + i + "]", () -> {
                if (code == null) throw new NullPointerException("code");
                try {
                    return Functionality.valueOf(code.strip());
                } catch (IllegalArgumentException unknown) {
                    throw new IllegalArgumentException("funcionalidade desconhecida; veja GET /api/functionalities");
                }
            });
            if (f != null) codes.add(f);
        }
        return codes;
    }
}
