package com.lumiku.platform.messaging;

/**
 * A queue's figures as the broker reports them: consumers attached, messages it holds (waiting,
 * being delivered, or scheduled for a later redelivery), and the age of the oldest.
 */
public record QueueFigures(
    String queue,
    int consumers,
    long messages,
    long scheduled,
    long delivering,
    Long firstMessageAgeMillis) {

  /** Messages no consumer has yet and none is scheduled for later. */
  public long waiting() {
    return Math.max(0, messages - delivering - scheduled);
  }
}
