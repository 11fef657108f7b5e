package com.lumiku.generations.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes generation changes on the {@code events.generations} topic once the transaction that
 * made them has committed (nothing is announced for a change that rolled back), from a managed
 * thread and without a transaction: live updates are best effort, and a broker that is away must
 * never hold up or fail the work itself. Listeners read the state from the database, so a missed
 * announcement only delays a live view. (The topic is outside {@code generations.#}, whose
 * dead-letter handling fails generations.)
 */
@ApplicationScoped
public class JmsGenerationEvents implements GenerationEvents {

  private static final Logger LOG = Logger.getLogger(JmsGenerationEvents.class.getName());
  private static final String PENDING = JmsGenerationEvents.class.getName() + ".pending";

  @Resource(lookup = "jms/lumikuDirect")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/generationEvents")
  Topic events;

  @Resource TransactionSynchronizationRegistry transactions;
  @Resource ManagedExecutorService executor;

  @Override
  public void changed(UUID generationId) {
    if (transactions.getTransactionKey() == null) {
      publishLater(Set.of(generationId));
      return;
    }
    @SuppressWarnings("unchecked")
    Set<UUID> pending = (Set<UUID>) transactions.getResource(PENDING);
    if (pending == null) {
      Set<UUID> changed = new LinkedHashSet<>();
      transactions.putResource(PENDING, changed);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                publishLater(changed);
              }
            }
          });
      pending = changed;
    }
    pending.add(generationId);
  }

  private void publishLater(Set<UUID> generationIds) {
    Set<UUID> copy = Set.copyOf(generationIds);
    executor.execute(
        () -> {
          try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            var producer = jms.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            for (UUID generationId : copy) {
              producer.send(events, "{\"generationId\":\"" + generationId + "\"}");
            }
            if (jms.getTransacted()) {
              // The Artemis resource adapter hands out transacted sessions even from a
              // NoTransaction pool and outside any JTA transaction: without this commit the
              // messages are silently discarded when the context closes.
              jms.commit();
            }
          } catch (RuntimeException e) {
            LOG.log(
                Level.WARNING,
                "Live update of generations {0} not announced (the work itself is unaffected): {1}",
                new Object[] {copy, String.valueOf(e)});
            LOG.log(Level.FINE, "Live update failure", e);
          }
        });
  }
}
