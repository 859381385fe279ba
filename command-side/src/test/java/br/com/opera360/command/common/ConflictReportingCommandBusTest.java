package br.com.opera360.command.common;

import br.com.opera360.kernel.common.Rejected;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A race lost at commit reaches the caller as the rejection "concurrent-change"; every other answer is untouched. */
class ConflictReportingCommandBusTest {
    private final ConflictReportingCommandBus bus = new ConflictReportingCommandBus(SimpleCommandBus.builder().build());

    @Test
    void a_sequence_number_taken_at_commit_is_the_rejection_concurrent_change() {
        bus.subscribe(String.class.getName(), command -> {
            // the event store refuses the append in the commit phase, after every handler interceptor returned
            CurrentUnitOfWork.get().onPrepareCommit(u -> {
                throw new ConcurrencyException("An event for aggregate [a] at sequence [3] was already inserted");
            });
            return "handled";
        });
        var result = send("x");
        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(CommandExecutionException.class)
                                            .hasCauseInstanceOf(ConcurrencyException.class);
        assertThat(Rejected.of(result.exceptionResult())).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(Rejected.Kind.CONFLICT);
            assertThat(r.code()).isEqualTo("concurrent-change");
        });
    }

    @Test
    void a_second_creation_of_one_aggregate_is_the_same_rejection() {
        bus.subscribe(String.class.getName(), command -> {
            throw new AggregateStreamCreationException("Cannot reuse aggregate identifier [a]");
        });
        assertThat(Rejected.of(send("x").exceptionResult())).map(Rejected::code).hasValue("concurrent-change");
    }

    @Test
    void results_and_other_failures_pass_unchanged() {
        bus.subscribe(String.class.getName(), command -> {
            if (command.getPayload().equals("fail")) throw new IllegalStateException("boom");
            return "done";
        });
        assertThat(send("ok").getPayload()).isEqualTo("done");
        assertThat(send("fail").exceptionResult()).isInstanceOf(IllegalStateException.class);
    }

    private CommandResultMessage<?> send(String payload) {
        var answer = new AtomicReference<CommandResultMessage<?>>();
        bus.dispatch(GenericCommandMessage.asCommandMessage(payload), (command, result) -> answer.set(result));
        return answer.get();
    }
}
