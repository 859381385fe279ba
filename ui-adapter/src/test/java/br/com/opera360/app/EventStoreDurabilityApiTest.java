package br.com.opera360.app;

import br.com.opera360.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded event store writes every commit to its file before the command is acknowledged. H2 2.x applies the
 * URL's WRITE_DELAY to its MVStore as the auto-commit delay, and with 0 every transaction end calls
 * {@code MVStore.commit()}, which writes the chunk synchronously (TransactionStore.endTransaction). Any other value
 * leaves up to that many milliseconds of acknowledged events in memory, lost to a kill -9 (see KillNineIT).
 */
class EventStoreDurabilityApiTest extends ApiTest {
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_running_event_store_commits_to_its_file_without_delay() {
        // listed twice: the database's live value and the setting it was opened with
        List<String> writeDelay = jdbc.queryForList(
                "select SETTING_VALUE from INFORMATION_SCHEMA.SETTINGS where SETTING_NAME = 'WRITE_DELAY'", String.class);
        assertThat(writeDelay).isNotEmpty().containsOnly("0");
    }

    /**
     * A thread interrupted while it writes (Axon interrupts a handler that outlives its timeout on a busy machine)
     * must not close the event store for everyone: H2's plain file channel closes on interrupt, the {@code retry:}
     * file system reopens it.
     */
    @Test
    void a_write_by_an_interrupted_thread_does_not_close_the_event_store() throws Exception {
        jdbc.execute("create table if not exists INTERRUPT_PROBE (ID bigint)");
        var writer = new Thread(() -> {
            for (int i = 0; i < 20; i++) {
                Thread.currentThread().interrupt();
                try {
                    jdbc.update("insert into INTERRUPT_PROBE values (?)", i);
                } catch (RuntimeException interruptedWrite) {
                    // this writer may fail; the store must live on for the others
                }
            }
        });
        writer.start();
        writer.join();
        // the store still takes writes: a registration is recorded and acknowledged
        newAccount();
        assertThat(jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class)).isPositive();
    }
}
