package br.com.opera360.command.common;

import br.com.opera360.kernel.common.Rejected;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The first send creates, a re-send with the same data is a duplicate, other data under the id is the caller's 409. */
class IdempotentCreationTest {
    /** What a sender registered under an id; null while nothing was. */
    static final class Registration {
        String data;
    }

    @Test
    void an_id_never_created_hands_out_the_blank_aggregate_to_create() throws Exception {
        var blank = new Registration();
        var creation = create(blank, "first");
        assertThat(creation.isDuplicate()).isFalse();
        Registration handedOut = creation.aggregate().invoke(r -> r);
        assertThat(handedOut).isSameAs(blank);
    }

    @Test
    void a_resend_with_the_same_data_is_a_duplicate() throws Exception {
        var existing = new Registration();
        existing.data = "first";
        assertThat(create(existing, "first").isDuplicate()).isTrue();
    }

    @Test
    void other_data_under_an_existing_id_is_the_given_rejection() {
        var existing = new Registration();
        existing.data = "first";
        assertThatThrownBy(() -> create(existing, "second")).isInstanceOf(Rejected.class)
                .satisfies(e -> assertThat(((Rejected) e).code()).isEqualTo("thing.conflict"));
    }

    @SuppressWarnings("unchecked")
    private static IdempotentCreation<Registration> create(Registration stored, String sent) throws Exception {
        Repository<Registration> repository = mock(Repository.class);
        Aggregate<Registration> aggregate = mock(Aggregate.class);
        when(repository.loadOrCreate(eq("id-1"), any(Callable.class))).thenReturn(aggregate);
        when(aggregate.invoke(any())).thenAnswer(call -> ((Function<Registration, ?>) call.getArgument(0)).apply(stored));
        return IdempotentCreation.of(repository, "id-1", Registration::new, r -> r.data != null, r -> r.data.equals(sent),
                () -> Rejected.conflict("thing.conflict", "Já registrado com outros dados."));
    }
}
