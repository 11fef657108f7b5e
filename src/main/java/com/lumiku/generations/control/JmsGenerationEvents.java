package com.lumiku.generations.control;

import com.lumiku.platform.JsonDocuments;
import com.lumiku.platform.messaging.ActivationSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes every {@link GenerationChanged} on the live-update topic ({@code
 * lumiku.generations.events-topic}, {@code events.generations}) once the transaction that made the
 * change has committed (a transactional observer: nothing is announced for a change that rolled
 * back), from a managed thread and without a transaction: live updates are best effort, and a
 * broker that is away must never hold up or fail the work itself. Listeners read the state from the
 * database, so a missed announcement only delays a live view. (The topic is outside {@code
 * generations.#}, whose dead-letter handling fails generations.)
 */
@ApplicationScoped
public class JmsGenerationEvents {

  /** The topic's setting and default: the listener's activation names the same (MPCONFIG). */
  public static final String TOPIC_SETTING = "lumiku.generations.events-topic";

  public static final String TOPIC_DEFAULT = "events.generations";

  private static final Logger LOG = Logger.getLogger(JmsGenerationEvents.class.getName());

  @Resource(lookup = "jms/lumikuDirect")
  ConnectionFactory connectionFactory;

  /** The listeners' topic, read as their activation reads it. */
  private final String topicName = ActivationSettings.value(TOPIC_SETTING, TOPIC_DEFAULT);

  private volatile Topic topic;

  /** Announcements sent per session and commit, at most. */
  private static final int BATCH = 500;

  /** Announcements per message, at most (about 100 bytes each). */
  static final int PER_MESSAGE = 100;

  /** Announcements kept while the broker is slow or away; beyond that they are dropped. */
  private static final int MAX_WAITING = 10_000;

  @Resource ManagedExecutorService executor;

  private final Queue<GenerationChanged> outbox = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicBoolean sending = new AtomicBoolean();

  /** A change committed (or was made outside any transaction): announce it soon. */
  void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) GenerationChanged change) {
    publishLater(change);
  }

  /**
   * Queues the announcements and makes sure one managed task is sending them. Under load the task
   * finds many waiting and sends them in one session with one commit, packed into few messages; a
   * task per change would cost a session, a commit and a context capture each (the latter alone was
   * about a tenth of a worker's CPU, bench/RESULTS.md).
   */
  private void publishLater(GenerationChanged change) {
    if (waiting.incrementAndGet() > MAX_WAITING) {
      waiting.decrementAndGet();
      LOG.log(
          Level.FINE,
          "Live update of generation {0} dropped: too many waiting",
          change.generationId());
    } else {
      outbox.add(change);
    }
    if (sending.compareAndSet(false, true)) {
      startSending();
    }
  }

  private void startSending() {
    try {
      executor.execute(this::sendWaiting);
    } catch (RejectedExecutionException e) {
      // Shutting down or overloaded: the next announcement tries again.
      sending.set(false);
      LOG.log(Level.FINE, "Live updates not sent now: {0}", String.valueOf(e));
    }
  }

  private void sendWaiting() {
    try {
      List<GenerationChanged> batch;
      while (!(batch = nextBatch()).isEmpty()) {
        send(batch);
      }
    } finally {
      sending.set(false);
      // Announcements queued after the last look, while this task still counted as sending.
      if (!outbox.isEmpty() && sending.compareAndSet(false, true)) {
        startSending();
      }
    }
  }

  private List<GenerationChanged> nextBatch() {
    List<GenerationChanged> batch = new ArrayList<>();
    GenerationChanged next;
    while (batch.size() < BATCH && (next = outbox.poll()) != null) {
      batch.add(next);
    }
    waiting.addAndGet(-batch.size());
    return batch;
  }

  private void send(List<GenerationChanged> changes) {
    try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
      var producer = jms.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT);
      Topic events = topic(jms);
      for (int from = 0; from < changes.size(); from += PER_MESSAGE) {
        producer.send(
            events, body(changes.subList(from, Math.min(changes.size(), from + PER_MESSAGE))));
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
          "Live update of {0} generation(s) not announced (the work itself is unaffected): {1}",
          new Object[] {changes.size(), String.valueOf(e)});
      LOG.log(Level.FINE, "Live update failure", e);
    }
  }

  /**
   * The body of one live-update message: a JSON array of changes. One message carries up to {@link
   * #PER_MESSAGE} of them, so the broker routes, and every instance's listener receives, one
   * message per batch instead of one per change (three changes per single-job order).
   */
  public static String body(List<GenerationChanged> changes) {
    return JsonDocuments.toJson(changes);
  }

  /**
   * The changes a live-update message carries: a JSON array of them, or one change alone (what an
   * instance of an earlier version sends during a rolling update).
   *
   * @throws jakarta.json.bind.JsonbException if the body is neither
   */
  public static List<GenerationChanged> changes(String body) {
    return List.copyOf(JsonDocuments.oneOrMany(body, GenerationChanged.class));
  }

  /** The topic object, made once (making it asks the broker). */
  private Topic topic(JMSContext jms) {
    Topic made = topic;
    if (made == null) {
      made = jms.createTopic(topicName);
      topic = made;
    }
    return made;
  }
}
