package com.lumiku.generations.boundary;

import com.lumiku.generations.control.GenerationChanged;
import com.lumiku.generations.control.JmsGenerationEvents;
import com.lumiku.platform.JsonDocuments;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears every "generation changed" announcement on this instance (a non-durable subscription of its
 * own to the live-update topic, one session so announcements stay in order) and updates the live
 * streams connected here, wherever the change happened.
 */
@MessageDriven(
    name = "GenerationEventListener",
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = WorkerActivation.RESOURCE_ADAPTER),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = WorkerActivation.TOPIC),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue =
              "${MPCONFIG="
                  + JmsGenerationEvents.TOPIC_SETTING
                  + ":"
                  + JmsGenerationEvents.TOPIC_DEFAULT
                  + "}"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(
          propertyName = "subscriptionDurability",
          propertyValue = "NonDurable"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GenerationEventListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(GenerationEventListener.class.getName());

  @Inject LiveGenerations live;

  @Override
  public void onMessage(Message message) {
    try {
      String body = ((TextMessage) message).getText();
      live.changed(JsonDocuments.fromJson(body, GenerationChanged.class));
    } catch (JMSException | RuntimeException e) {
      // A lost announcement only delays a live view (clients poll or reconnect); never redeliver.
      LOG.log(Level.WARNING, "Cannot pass on a generation event", e);
    }
  }
}
