package com.lumiku.generations.control;

import com.lumiku.apps.AppRegistry;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.Job;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.api.core.Message;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the jobs to the queue of the workers that do the generation's type (the app registry knows
 * which), through the Artemis resource adapter, so the send is a branch of the caller's XA
 * transaction. Each message carries its job's id as Artemis's duplicate-detection id (a single
 * job's is its generation's): the broker accepts one message per job.
 *
 * <p>Jobs of quick types ({@link GenerationJob#quick}) are bundled: the transaction's quick jobs
 * for one queue are kept until it is about to commit and then sent as bundles of up to {@code
 * lumiku.work.bundle.size} jobs (a message whose body is an array; its duplicate-detection id is
 * {@code bundle:<first job>}). A group commit of orders, or a batch order's parts, thus reaches the
 * workers as few messages. Nothing is sent for a transaction that rolls back, bundled or not.
 */
@ApplicationScoped
public class JmsGenerationQueue implements GenerationQueue {

  /** Artemis's duplicate-detection header. */
  static final String DUPLICATE_ID = Message.HDR_DUPLICATE_DETECTION_ID.toString();

  /** The transaction resource that holds its bundles until it commits. */
  private static final String BUNDLES = JmsGenerationQueue.class.getName() + ".bundles";

  @Inject
  @JMSConnectionFactory("jms/lumiku")
  JMSContext jms;

  @Inject AppRegistry registry;
  @Inject GenerationJobs jobTypes;
  @Resource TransactionSynchronizationRegistry transactions;

  @Inject
  @ConfigProperty(name = "lumiku.work.bundle.size")
  int bundleSize;

  /** Queue objects by name; making one asks the broker whether the queue exists, once. */
  private final Map<String, Queue> queues = new ConcurrentHashMap<>();

  /** A wrong setting stops the deployment, not the first order. */
  void checkSettings(@Observes Startup startup) {
    if (bundleSize < 1) {
      throw new IllegalStateException(
          "lumiku.work.bundle.size must be 1 or more, not " + bundleSize);
    }
  }

  @Override
  public void enqueue(Generation generation, List<Job> jobs) {
    String queue = registry.queueOf(generation.type()).queue();
    List<GenerationMessage> messages =
        jobs.stream()
            .map(job -> new GenerationMessage(generation.id(), job.id(), generation.type()))
            .toList();
    if (bundleSize > 1
        && transactions.getTransactionKey() != null
        && jobTypes.of(generation.type()).map(GenerationJob::quick).orElse(false)) {
      // The queue is looked up now (it asks the broker once): a queue that does not exist fails
      // this order, not the commit of every order that shares its transaction.
      destination(queue);
      bundleAtCommit(queue, messages);
    } else {
      messages.forEach(message -> send(queue, List.of(message)));
    }
  }

  @Override
  public void requeue(List<GenerationMessage> messages) {
    for (GenerationMessage message : messages) {
      send(registry.queueOf(message.type()).queue(), List.of(message));
    }
  }

  /**
   * Adds the jobs to the transaction's bundle for the queue; the first ones register the send
   * before commit (kept as the transaction's only once registered, so that a failed registration
   * leaves nothing unsent). Jobs queued after that send (by another synchronization's
   * beforeCompletion) go alone at once.
   */
  private void bundleAtCommit(String queue, List<GenerationMessage> messages) {
    Bundles bundles = (Bundles) transactions.getResource(BUNDLES);
    if (bundles == null) {
      Bundles made = new Bundles();
      transactions.registerInterposedSynchronization(made);
      transactions.putResource(BUNDLES, made);
      bundles = made;
    }
    if (bundles.sent) {
      messages.forEach(message -> send(queue, List.of(message)));
    } else {
      bundles.byQueue.computeIfAbsent(queue, name -> new ArrayList<>()).addAll(messages);
    }
  }

  /** A transaction's bundles by queue, sent as it is about to commit. */
  private final class Bundles implements Synchronization {

    final Map<String, List<GenerationMessage>> byQueue = new LinkedHashMap<>();
    boolean sent;

    @Override
    public void beforeCompletion() {
      // Still inside the transaction: the sends join it like any other.
      sent = true;
      byQueue.forEach(JmsGenerationQueue.this::sendBundled);
    }

    @Override
    public void afterCompletion(int status) {
      // Committed: sent with it; rolled back: never sent.
    }
  }

  private void sendBundled(String queue, List<GenerationMessage> messages) {
    for (int from = 0; from < messages.size(); from += bundleSize) {
      send(queue, messages.subList(from, Math.min(messages.size(), from + bundleSize)));
    }
  }

  private Queue destination(String queueName) {
    return queues.computeIfAbsent(queueName, jms::createQueue);
  }

  private void send(String queueName, List<GenerationMessage> bundle) {
    Queue queue = destination(queueName);
    GenerationMessage first = bundle.get(0);
    TextMessage message = jms.createTextMessage(GenerationMessage.toJson(bundle));
    try {
      message.setStringProperty(
          DUPLICATE_ID, bundle.size() == 1 ? first.jobId().toString() : "bundle:" + first.jobId());
      message.setStringProperty("generationType", first.type());
    } catch (JMSException e) {
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
    jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, message);
  }
}
