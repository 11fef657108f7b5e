package com.lumiku.generations.control;

import com.lumiku.generations.control.WorkerKinds.WorkerKind;
import com.lumiku.generations.entity.EndedBy;
import com.lumiku.platform.metrics.Described;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The application metrics of the work ({@code /metrics?scope=application}), per work queue (tags
 * {@code queue} and {@code worker}, the kind of worker that consumes it): jobs completed, failed
 * (tag {@code ended_by}: worker, dead-letter, sweeper) and retried, how long processing took, and
 * generations refunded. Every series of every queue is registered while the application deploys, at
 * zero: Prometheus' {@code increase()} sees the first job of a queue only if the series existed
 * before it. The queues come from the app registry ({@link WorkerKinds}), so a new app is counted
 * without a line here.
 */
@ApplicationScoped
public class GenerationMetrics {

  /** The name of the processing-time histogram (milliseconds). */
  public static final String PROCESSING_MILLISECONDS = "generations.processing.milliseconds";

  public static final String COMPLETED = "generations.jobs.completed";
  public static final String FAILED = "generations.jobs.failed";
  public static final String RETRIED = "generations.jobs.retried";
  public static final String REFUNDED = "generations.refunded";

  /** Jobs per bundle a worker did in one transaction (see {@link GenerationJob#quick}). */
  public static final String BUNDLE_SIZE = "generations.work.bundle.size";

  /** The queue tag of jobs whose type no deployed worker does (they fail at once). */
  static final String NO_QUEUE = "none";

  /** Who may fail a job; a cancel is not a failure. */
  static final List<EndedBy> FAILING =
      List.of(EndedBy.WORKER, EndedBy.DEAD_LETTER, EndedBy.SWEEPER);

  @Inject MetricRegistry metrics;
  @Inject WorkerKinds workerKinds;

  /** Registers every series at zero, right after the worker kinds are known. */
  void register(@Observes @Priority(Interceptor.Priority.APPLICATION + 2) Startup startup) {
    for (WorkerKind kind : workerKinds.all()) {
      if (!kind.isDeadLetters()) {
        Tag[] tags = tags(kind.queue(), kind.name());
        metrics.counter(completed(), tags);
        metrics.counter(retried(), tags);
        metrics.histogram(processingTime(), tags);
        for (EndedBy by : FAILING) {
          metrics.counter(failed(), endedBy(tags, by));
        }
      }
    }
    metrics.counter(REFUNDED);
    metrics.histogram(bundleSize());
  }

  /**
   * Records how long a completed job took, as a histogram in milliseconds named for its unit
   * ({@code generations_processing_milliseconds}). Not a timer: Payara's Prometheus output of a
   * timer ({@code generations_processing_time_seconds}) gave nanoseconds as if they were seconds.
   */
  public void processed(String jobType, Duration took) {
    metrics.histogram(processingTime(), tagsOf(jobType)).update(took.toMillis());
  }

  /** An attempt failed and the broker will deliver its message again (or dead-letter it). */
  public void retried(String jobType) {
    metrics.counter(retried(), tagsOf(jobType)).inc();
  }

  /** A worker's transaction committed a bundle of this many jobs. */
  public void bundled(int jobs) {
    metrics.histogram(bundleSize()).update(jobs);
  }

  public void refunded() {
    metrics.counter(REFUNDED).inc();
  }

  /** Counts jobs that ended once their transaction has committed. */
  void ended(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobsEnded ended) {
    Tag[] tags = tagsOf(ended.type());
    if (ended.completed()) {
      metrics.counter(completed(), tags).inc(ended.count());
    } else {
      metrics.counter(failed(), endedBy(tags, ended.endedBy())).inc(ended.count());
    }
  }

  private Tag[] tagsOf(String jobType) {
    return workerKinds
        .doing(jobType)
        .map(kind -> tags(kind.queue(), kind.name()))
        .orElseGet(() -> tags(NO_QUEUE, NO_QUEUE));
  }

  private static Tag[] tags(String queue, String worker) {
    return new Tag[] {new Tag("queue", queue), new Tag("worker", worker)};
  }

  private static Tag[] endedBy(Tag[] tags, EndedBy by) {
    return new Tag[] {tags[0], tags[1], new Tag("ended_by", by.code())};
  }

  private static Metadata completed() {
    return Described.metric(COMPLETED, "Jobs completed, counted once their transaction committed");
  }

  private static Metadata failed() {
    return Described.metric(
        FAILED,
        "Jobs failed for good and refunded, by who failed them (ended_by: worker, dead-letter,"
            + " sweeper), counted once their transaction committed");
  }

  private static Metadata retried() {
    return Described.metric(
        RETRIED, "Attempts that failed and left their job to the broker's redelivery");
  }

  private static Metadata processingTime() {
    return Described.metric(
        PROCESSING_MILLISECONDS, "How long completed jobs took, in milliseconds");
  }

  private static Metadata bundleSize() {
    return Described.metric(
        BUNDLE_SIZE,
        "Jobs per bundle (a message of several quick jobs) a worker did in one transaction");
  }
}
