package br.com.opera360.kernel.export;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.UserId;

/** One export's notification, only for the user who asked for it (anyone else: not found). */
public record GetNotification(AccountId accountId, UserId userId, ExportId exportId) {
}
