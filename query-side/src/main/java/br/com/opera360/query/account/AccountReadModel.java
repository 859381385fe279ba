package br.com.opera360.query.account;

import br.com.opera360.query.common.ProcessingGroups;
import br.com.opera360.query.common.ReadModel;
import org.springframework.stereotype.Component;

import java.util.List;

/** The accounts view of the "account" processing group (see {@link ReadModel}); reads are by id only. */
@Component
class AccountReadModel implements ReadModel {

    @Override
    public String group() {
        return ProcessingGroups.ACCOUNT;
    }

    @Override
    public List<String> collections() {
        return List.of("accounts");
    }
}
