package com.lumiku.generations.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import java.util.UUID;

/**
 * Publishes generation changes on the {@code events.generations} topic through the resource
 * adapter, inside the caller's XA transaction. Not persistent: a listener that is away misses
 * nothing it needs, since clients always get the current state when they connect. (The topic is
 * deliberately outside {@code generations.#}, whose dead-letter and expiry handling fail
 * generations.)
 */
@ApplicationScoped
public class JmsGenerationEvents implements GenerationEvents {

  @Inject
  @JMSConnectionFactory("jms/lumiku")
  JMSContext jms;

  @Resource(lookup = "jms/generationEvents")
  Topic events;

  @Override
  public void changed(UUID generationId) {
    jms.createProducer()
        .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
        .send(events, "{\"generationId\":\"" + generationId + "\"}");
  }
}
