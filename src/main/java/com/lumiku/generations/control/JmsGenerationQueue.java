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
      bundleAtCommit(queue).addAll(messages);
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

  /** The transaction's bundle for the queue; the first one registers the send before commit. */
  private List<GenerationMessage> bundleAtCommit(String queue) {
    @SuppressWarnings("unchecked")
    Map<String, List<GenerationMessage>> bundles =
        (Map<String, List<GenerationMessage>>) transactions.getResource(BUNDLES);
    if (bundles == null) {
      Map<String, List<GenerationMessage>> made = new LinkedHashMap<>();
      transactions.putResource(BUNDLES, made);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {
              // Still inside the transaction: the sends join it like any other.
              made.forEach(JmsGenerationQueue.this::sendBundled);
            }

            @Override
            public void afterCompletion(int status) {
              // Committed: sent with it; rolled back: never sent.
            }
          });
      bundles = made;
    }
    return bundles.computeIfAbsent(queue, name -> new ArrayList<>());
  }

  private void sendBundled(String queue, List<GenerationMessage> messages) {
    for (int from = 0; from < messages.size(); from += bundleSize) {
      send(queue, messages.subList(from, Math.min(messages.size(), from + bundleSize)));
    }
  }

  private void send(String queueName, List<GenerationMessage> bundle) {
    Queue queue = queues.computeIfAbsent(queueName, jms::createQueue);
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
