package com.lumiku.generations.control;

import com.lumiku.apps.AppRegistry;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.api.core.Message;

/**
 * Sends one message per job to the queue of the workers that do the generation's type (the app
 * registry knows which), through the Artemis resource adapter, so the send is a branch of the
 * caller's XA transaction. Each message carries its job's id as Artemis's duplicate-detection id (a
 * single job's is its generation's): the broker accepts one message per job.
 */
@ApplicationScoped
public class JmsGenerationQueue implements GenerationQueue {

  /** Artemis's duplicate-detection header. */
  static final String DUPLICATE_ID = Message.HDR_DUPLICATE_DETECTION_ID.toString();

  @Inject
  @JMSConnectionFactory("jms/lumiku")
  JMSContext jms;

  @Inject AppRegistry registry;

  /** Queue objects by name; making one asks the broker whether the queue exists, once. */
  private final Map<String, Queue> queues = new ConcurrentHashMap<>();

  @Override
  public void enqueue(Generation generation, List<Job> jobs) {
    Queue queue =
        queues.computeIfAbsent(registry.queueOf(generation.type()).queue(), jms::createQueue);
    var producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
    for (Job job : jobs) {
      TextMessage message =
          jms.createTextMessage(
              new GenerationMessage(generation.id(), job.id(), generation.type()).toJson());
      try {
        message.setStringProperty(DUPLICATE_ID, job.id().toString());
        message.setStringProperty("generationType", generation.type());
      } catch (JMSException e) {
        throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
      }
      producer.send(queue, message);
    }
  }
}
