package com.lumiku.probe;

import com.lumiku.generations.boundary.GenerationConsumer;
import com.lumiku.generations.boundary.WorkerActivation;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** The probe app's workers, declared as any app declares its own. */
@MessageDriven(
    name = "ProbeWorker",
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
              "${MPCONFIG=lumiku.workers." + ProbeApp.WORKER + ".queue:" + ProbeApp.QUEUE + "}"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(
          propertyName = WorkerActivation.CLIENT_ID_PROPERTY,
          propertyValue = WorkerActivation.CLIENT_ID),
      @ActivationConfigProperty(
          propertyName = "maxSession",
          propertyValue =
              "${MPCONFIG=lumiku.workers."
                  + ProbeApp.WORKER
                  + ".concurrency:"
                  + ProbeApp.CONCURRENCY
                  + "}")
    })
public class ProbeWorker extends GenerationConsumer {}
