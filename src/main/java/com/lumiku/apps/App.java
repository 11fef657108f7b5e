package com.lumiku.apps;

import java.util.List;
import java.util.Set;

/**
 * What an app declares about itself, as a CDI bean in its own package: the engine derives the
 * catalogue ({@code GET /api/apps}), prices, routing of work to queues, readiness, queue health and
 * dead-letter handling from these declarations, so a new app needs no edit outside its package.
 *
 * <p>Prices are settings, one key per operation: {@code lumiku.apps.<id>.cost.<operation>} (in
 * {@code microprofile-config.properties}, or the app's own configuration). A worker's queue and
 * concurrency are settings too ({@code lumiku.workers.<name>.queue}, {@code .concurrency}); their
 * defaults are the declaration's, the same constants the app's message-driven bean names in its
 * activation (see {@code generations.boundary.WorkerActivation}).
 */
public interface App {

  /** The app's id in URLs and on its generations, e.g. {@code avatar-creator}. */
  String id();

  String name();

  String description();

  /** The operations users pay for, e.g. {@code generate}; each is priced by configuration. */
  List<String> operations();

  /** The workers the app runs; every job type the app creates is done by exactly one of them. */
  List<Worker> workers();

  /**
   * A kind of worker: its name (e.g. {@code avatar}), the queue it consumes and how many sessions
   * consume it unless configured otherwise, and the job types it does.
   */
  record Worker(String name, String defaultQueue, int defaultConcurrency, Set<String> jobTypes) {

    public Worker {
      jobTypes = Set.copyOf(jobTypes);
    }
  }
}
