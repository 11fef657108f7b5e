package com.lumiku.poses.boundary;

import com.lumiku.generations.boundary.GenerationConsumer;
import com.lumiku.generations.boundary.WorkerActivation;
import com.lumiku.poses.control.PoseGenerator;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/**
 * Pose Generator's workers: {@code lumiku.workers.pose.concurrency} sessions consuming {@code
 * lumiku.workers.pose.queue}, each drawing one pose of a batch at a time, so a batch spreads over
 * every session of every instance; the engine does the rest.
 */
@MessageDriven(
    name = "PoseWorker",
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
                  + PoseGenerator.WORKER
                  + ".queue:"
                  + PoseGenerator.QUEUE
                  + "}"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(
          propertyName = WorkerActivation.CLIENT_ID_PROPERTY,
          propertyValue = WorkerActivation.CLIENT_ID),
      @ActivationConfigProperty(
          propertyName = "maxSession",
          propertyValue =
              "${MPCONFIG=lumiku.workers."
                  + PoseGenerator.WORKER
                  + ".concurrency:"
                  + PoseGenerator.CONCURRENCY
                  + "}")
    })
public class PoseWorker extends GenerationConsumer {}
