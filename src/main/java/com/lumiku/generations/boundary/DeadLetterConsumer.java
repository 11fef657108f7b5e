package com.lumiku.generations.boundary;

import com.lumiku.generations.control.DeadLetters;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Consumes the dead-letter queue ({@code lumiku.workers.dead-letter.queue}): the messages of jobs
 * whose attempts were all used up, and any that expired. Each such job is failed with the reason of
 * its last attempt and its share refunded, in the transaction that acknowledges the message, so
 * nothing a user paid for is ever silently dropped.
 */
@MessageDriven(
    name = "DeadLetterConsumer",
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = WorkerActivation.RESOURCE_ADAPTER),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = WorkerActivation.QUEUE),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue =
              "${MPCONFIG=" + DeadLetters.QUEUE_SETTING + ":" + DeadLetters.QUEUE_DEFAULT + "}"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(
          propertyName = WorkerActivation.CLIENT_ID_PROPERTY,
          propertyValue = WorkerActivation.CLIENT_ID),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
    })
public class DeadLetterConsumer implements MessageListener {

  @Inject DeadLetters deadLetters;

  @Override
  public void onMessage(Message message) {
    try {
      String body = message instanceof TextMessage text ? text.getText() : null;
      deadLetters.handle(body, message.getStringProperty("_AMQ_ORIG_QUEUE"));
    } catch (JMSException e) {
      throw new IllegalStateException("Cannot read a dead letter", e);
    }
  }
}
