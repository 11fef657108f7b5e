package com.lumiku.generations.control;

import com.lumiku.generations.entity.Generation;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.Map;

/**
 * Sends generation messages to the app's work queue through the Artemis resource adapter, so the
 * send is a branch of the caller's XA transaction. Each message carries the generation id as
 * Artemis's duplicate-detection id: the broker accepts one message per generation.
 */
@ApplicationScoped
public class JmsGenerationQueue implements GenerationQueue {

  /** Artemis's duplicate-detection header. */
  static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

  @Inject
  @JMSConnectionFactory("jms/lumiku")
  JMSContext jms;

  @Resource(lookup = "jms/avatarGenerations")
  Queue avatarGenerations;

  @Override
  public void enqueue(Generation generation) {
    TextMessage message =
        jms.createTextMessage(new GenerationMessage(generation.id(), generation.type()).toJson());
    try {
      message.setStringProperty(DUPLICATE_ID, generation.id().toString());
      message.setStringProperty("generationType", generation.type());
    } catch (jakarta.jms.JMSException e) {
      throw new jakarta.jms.JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
    jms.createProducer()
        .setDeliveryMode(DeliveryMode.PERSISTENT)
        .send(queueOf(generation.app()), message);
  }

  private Queue queueOf(String app) {
    Queue queue = Map.of("avatar-creator", avatarGenerations).get(app);
    if (queue == null) {
      throw new IllegalArgumentException("No work queue for app " + app);
    }
    return queue;
  }
}
