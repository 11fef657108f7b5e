package com.lumiku.generations.boundary;

import com.lumiku.generations.control.GenerationChanged;
import com.lumiku.generations.control.JmsGenerationEvents;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears every "generation changed" announcement on this instance (a non-durable subscription of its
 * own to the live-update topic, one session so announcements stay in order; a message carries a
 * batch of them) and updates the live streams connected here, wherever the change happened.
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
    List<GenerationChanged> changes;
    try {
      changes = JmsGenerationEvents.changes(((TextMessage) message).getText());
    } catch (JMSException | RuntimeException e) {
      // A lost announcement only delays a live view (clients poll or reconnect); never redeliver.
      LOG.log(Level.WARNING, "Cannot read a generation event", e);
      return;
    }
    for (GenerationChanged change : changes) {
      try {
        live.changed(change);
      } catch (RuntimeException e) {
        // One change that cannot be passed on must not hold back the others of its message.
        LOG.log(
            Level.WARNING,
            e,
            () -> "Cannot pass on the change of generation " + change.generationId());
      }
    }
  }
}
