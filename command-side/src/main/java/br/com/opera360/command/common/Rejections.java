package br.com.opera360.command.common;

import br.com.opera360.kernel.common.Rejected;
import org.axonframework.commandhandling.CommandExecutionException;

import java.util.Optional;

/** The way back of {@link RejectionWrappingInterceptor}: the {@link Rejected} a command failure carries, if any. */
public final class Rejections {
    private Rejections() {
    }

    /** {@code t} itself if a {@link Rejected}, or the one in a {@link CommandExecutionException}'s details. */
    public static Optional<Rejected> of(Throwable t) {
        if (t instanceof Rejected r) return Optional.of(r);
        if (t instanceof CommandExecutionException cee && cee.getDetails().orElse(null) instanceof Rejected.Details d) {
            return Optional.of(Rejected.from(d));
        }
        return Optional.empty();
    }

    /** The first rejection along {@code t}'s causes. */
    public static Optional<Rejected> in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            var rejected = of(c);
            if (rejected.isPresent()) return rejected;
        }
        return Optional.empty();
    }
}
