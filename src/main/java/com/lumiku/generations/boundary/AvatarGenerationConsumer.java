package com.lumiku.generations.boundary;

import com.lumiku.generations.control.GenerationMessage;
import com.lumiku.generations.control.GenerationWorker;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * The avatar workers: the container starts them with the application, keeps {@code
 * lumiku.workers.avatar.concurrency} of them consuming {@code generations.avatar}, and reconnects
 * them for as long as it takes when the broker goes away ({@code setupAttempts=-1}). Each message
 * is handled in one XA transaction that also acknowledges it; a failure rolls that back and the
 * broker redelivers.
 */
@MessageDriven(
    name = "AvatarGenerationConsumer",
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = "generations.avatar"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(
          propertyName = "maxSession",
          propertyValue = "${MPCONFIG=lumiku.workers.avatar.concurrency:4}"),
      @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
      @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "2000")
    })
public class AvatarGenerationConsumer implements MessageListener {

  @Inject GenerationWorker worker;

  @Override
  public void onMessage(Message message) {
    try {
      String body = ((TextMessage) message).getText();
      worker.process(GenerationMessage.parse(body), message.getIntProperty("JMSXDeliveryCount"));
    } catch (JMSException e) {
      throw new IllegalStateException("Cannot read message " + describe(message), e);
    }
  }

  private static String describe(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      return "(no id)";
    }
  }
}
