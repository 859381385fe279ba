package br.com.opera360.kernel.user;

import br.com.opera360.kernel.common.UserId;

/** What a signed-in user may do right now; asked on every request so that changes apply on the next one. */
public record GetUserAccess(UserId userId) {
}
