package com.lumiku.avatars.boundary;

import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.generations.boundary.GenerationConsumer;
import com.lumiku.generations.boundary.WorkerActivation;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/**
 * Avatar Creator's workers: {@code lumiku.workers.avatar.concurrency} sessions consuming {@code
 * lumiku.workers.avatar.queue}, started with the application; the engine does the rest.
 */
@MessageDriven(
    name = "AvatarWorker",
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
              "${MPCONFIG=lumiku.workers."
                  + AvatarCreator.WORKER
                  + ".queue:"
                  + AvatarCreator.QUEUE
                  + "}"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(
          propertyName = WorkerActivation.CLIENT_ID_PROPERTY,
          propertyValue = WorkerActivation.CLIENT_ID),
      @ActivationConfigProperty(
          propertyName = "maxSession",
          propertyValue =
              "${MPCONFIG=lumiku.workers."
                  + AvatarCreator.WORKER
                  + ".concurrency:"
                  + AvatarCreator.CONCURRENCY
                  + "}")
    })
public class AvatarWorker extends GenerationConsumer {}
