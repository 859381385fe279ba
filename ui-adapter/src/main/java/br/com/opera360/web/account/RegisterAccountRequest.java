package br.com.opera360.web.account;

import br.com.opera360.kernel.account.RegisterAccount;
import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Cnpj;
import br.com.opera360.kernel.common.Email;
import br.com.opera360.kernel.common.ProfileId;
import br.com.opera360.kernel.common.UserId;
import br.com.opera360.web.common.Fields;

record RegisterAccountRequest(String accountId, String cnpj, String companyName, Administrator administrator) {

    record Administrator(String name, String email) {
    }

    RegisterAccount toCommand() {
        var fields = new Fields();
        AccountId id = accountId == null ? null : fields.parse("accountId", () -> new AccountId(accountId));
        Cnpj parsedCnpj = fields.parse("cnpj", () -> new Cnpj(cnpj));
        String company = fields.requiredText("companyName", companyName, 200);
        String adminName = administrator == null ? null : administrator.name();
        String adminEmail = administrator == null ? null : administrator.email();
        String name = fields.requiredText("administrator.name", adminName, 120);
        Email email = fields.parse("administrator.email", () -> new Email(adminEmail));
        fields.check();
        return new RegisterAccount(parsedCnpj, id != null ? id : AccountId.generate(), id != null, company, name, email,
                UserId.generate(), ProfileId.generate());
    }
}
