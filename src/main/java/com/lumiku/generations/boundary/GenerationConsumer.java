package com.lumiku.generations.boundary;

import com.lumiku.generations.control.GenerationMessage;
import com.lumiku.generations.control.GenerationWorker;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * The body of every app's worker: an app's message-driven bean extends this and only declares its
 * activation (its queue and concurrency, see {@link WorkerActivation}). The container starts the
 * workers with the application and keeps them consuming; each message (one job, or a bundle of
 * quick ones) is handled in one XA transaction that also acknowledges it, and a failure rolls that
 * back so the broker redelivers.
 */
public abstract class GenerationConsumer implements MessageListener {

  @Inject GenerationWorker worker;

  @Override
  public void onMessage(Message message) {
    try {
      String body = ((TextMessage) message).getText();
      worker.processAll(
          GenerationMessage.parseAll(body), message.getIntProperty("JMSXDeliveryCount"));
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
