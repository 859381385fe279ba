package br.com.opera360.command.common;

import br.com.opera360.kernel.common.Rejected;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Creation of an aggregate whose id the sender chose (an invoice number, a negotiation id, a designation, a CNPJ): the
 * first send creates it, a re-send with the same data is a duplicate (answered, nothing recorded), other data under
 * that id is a conflict (409). {@code loadOrCreate} locks the id for the unit of work, so concurrent sends of one id
 * are serialized and the second sees the first.
 */
public final class IdempotentCreation<A> {
    private final Aggregate<A> aggregate;
    private final boolean duplicate;

    private IdempotentCreation(Aggregate<A> aggregate, boolean duplicate) {
        this.aggregate = aggregate;
        this.duplicate = duplicate;
    }

    /**
     * @param created   whether the loaded aggregate was created already (a blank one from {@code blank} was not)
     * @param sameData  whether this send repeats the one that created it
     * @param otherData the rejection when it does not
     */
    public static <A> IdempotentCreation<A> of(Repository<A> repository, String id, Callable<A> blank,
                                               Predicate<A> created, Predicate<A> sameData,
                                               Supplier<Rejected> otherData) throws Exception {
        Aggregate<A> aggregate = repository.loadOrCreate(id, blank);
        if (!aggregate.invoke(created::test)) return new IdempotentCreation<>(aggregate, false);
        if (aggregate.invoke(sameData::test)) return new IdempotentCreation<>(aggregate, true);
        throw otherData.get();
    }

    /** True for a re-send with the same data: answer it as the first send was answered, record nothing. */
    public boolean isDuplicate() {
        return duplicate;
    }

    /** The blank aggregate to create, or for a duplicate the one created before. */
    public Aggregate<A> aggregate() {
        return aggregate;
    }
}
