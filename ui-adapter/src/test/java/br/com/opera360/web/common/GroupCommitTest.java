package br.com.opera360.web.common;

import org.axonframework.common.lock.DeadlockException;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCommitTest {
    private final List<String> handled = new ArrayList<>();

    private String handle(String item) {
        handled.add(item + (CurrentUnitOfWork.isStarted() ? " in the chunk" : " alone"));
        return item.toUpperCase();
    }

    @Test
    void a_chunk_that_commits_handles_each_line_once_in_one_unit_of_work() {
        var results = new GroupCommit(NoTransactionManager.INSTANCE).run(List.of("a", "b", "c"), this::handle);

        assertThat(results).containsExactly("A", "B", "C");
        assertThat(handled).containsExactly("a in the chunk", "b in the chunk", "c in the chunk");
        assertThat(CurrentUnitOfWork.isStarted()).isFalse();
    }

    /** A failed commit (a concurrent writer took a sequence number first) stores nothing: the answers come from a second, line-by-line pass. */
    @Test
    void a_chunk_whose_commit_fails_is_handled_again_line_by_line() {
        List<String> transactions = new ArrayList<>();
        TransactionManager failingCommit = () -> new Transaction() {
            @Override
            public void commit() {
                transactions.add("commit");
                throw new IllegalStateException("unique (aggregateIdentifier, sequenceNumber) violated");
            }

            @Override
            public void rollback() {
                transactions.add("rollback");
            }
        };

        var results = new GroupCommit(failingCommit).run(List.of("a", "b", "c"), this::handle);

        assertThat(results).containsExactly("A", "B", "C");
        assertThat(handled).containsExactly("a in the chunk", "b in the chunk", "c in the chunk", "a alone", "b alone", "c alone");
        assertThat(transactions).containsExactly("commit", "rollback");
        assertThat(CurrentUnitOfWork.isStarted()).isFalse();
    }

    @Test
    void a_single_line_needs_no_chunk() {
        assertThat(new GroupCommit(NoTransactionManager.INSTANCE).run(List.of("a"), this::handle)).containsExactly("A");
        assertThat(handled).containsExactly("a alone");
    }

    /** Chunks hold their aggregates' locks until they commit: a lock conflict with another chunk is the chunk's, not the line's. */
    @Test
    void a_line_whose_locks_conflict_with_another_chunk_makes_its_chunk_run_line_by_line() {
        var results = new GroupCommit(NoTransactionManager.INSTANCE).run(List.of("a", "b"), item -> {
            String answer = handle(item);
            if (item.equals("b")) {
                var conflict = new DeadlockException("b's invoice is locked by another chunk that waits for this one");
                GroupCommit.rethrowIfChunksConflict(conflict);
                return "conflict answered alone";
            }
            return answer;
        });

        assertThat(handled).containsExactly("a in the chunk", "b in the chunk", "a alone", "b alone");
        assertThat(results).containsExactly("A", "conflict answered alone");
    }
}
