package com.lumiku.generations.boundary;

import com.lumiku.generations.control.GenerationChanged;
import com.lumiku.generations.control.Generations;
import com.lumiku.generations.control.QueuePositions;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationStatus;
import com.lumiku.platform.storage.ImageUrls;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The live streams connected to this instance: one generation's ({@code GET
 * /api/generations/{id}/events}), closed once it has ended, and all of a user's ({@code GET
 * /api/generations/events}). Each gets the current state when it connects and then, whenever a
 * generation changes, a {@code job} event for every job the change ended (with its result: a
 * batch's pictures arrive one by one) followed by the generation's state, read fresh from the
 * database. Announcements can arrive late (the state read may already be the final one), so the
 * stream of one generation, before it closes, sends every job it has not told about yet. Streams
 * are kept alive with a comment every 15 s (which also finds clients that went away) and closed
 * after 15 minutes at the latest (clients reconnect).
 */
@ApplicationScoped
public class LiveGenerations {

  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  static final Duration LONGEST = Duration.ofMinutes(15);

  /** The event that carries a job which ended. */
  public static final String JOB_EVENT = "job";

  /** A user's unfinished generations sent when their stream connects, at most. */
  static final int UNFINISHED_ON_CONNECT = 100;

  @Inject Generations generations;
  @Inject QueuePositions positions;
  @Inject ImageUrls images;

  @Resource ManagedScheduledExecutorService scheduler;

  /** Streams of one generation each, by generation id; they end with it. */
  private final Followers byGeneration = new Followers(true);

  /** Streams of all of a user's generations, by user id. */
  private final Followers byUser = new Followers(false);

  private ScheduledFuture<?> keepAlive;

  /**
   * A connected client, and the jobs it has been told about (or that had ended when it connected):
   * announcements may arrive after the generation has ended, and the stream of one generation sends
   * every job it missed before it closes.
   */
  private record Stream(
      SseEventSink sink, Sse sse, long openedAt, Set<UUID> toldJobs, Map<UUID, Stage> lastSent) {

    /**
     * Whether this state of the generation is news to the client: states are read by different
     * threads (the one that connects it, the listener), so an older one may arrive last.
     */
    boolean isNews(Generation generation) {
      Stage stage = Stage.of(generation);
      Stage sent = lastSent.get(generation.id());
      if (sent != null && stage.compareTo(sent) < 0) {
        return false;
      }
      lastSent.put(generation.id(), stage);
      return true;
    }
  }

  /**
   * How far a generation has come, by what only ever grows: its status (pending, processing,
   * ended), the jobs that ended, its progress, what was given back. (Not its update time: the
   * clocks of two instances may disagree.)
   */
  record Stage(int status, int jobsEnded, int progress, long givenBack)
      implements Comparable<Stage> {

    static Stage of(Generation generation) {
      int status =
          generation.status().isTerminal()
              ? 2
              : generation.status() == GenerationStatus.PROCESSING ? 1 : 0;
      return new Stage(
          status,
          generation.jobsCompleted() + generation.jobsFailed(),
          generation.progress(),
          generation.creditRefunded() + generation.quotaRefunded());
    }

    @Override
    public int compareTo(Stage other) {
      return Comparator.comparingInt(Stage::status)
          .thenComparingInt(Stage::jobsEnded)
          .thenComparingInt(Stage::progress)
          .thenComparingLong(Stage::givenBack)
          .compare(this, other);
    }
  }

  void start(@Observes Startup startup) {
    keepAlive =
        scheduler.scheduleAtFixedRate(
            this::keepAlive, KEEP_ALIVE.toSeconds(), KEEP_ALIVE.toSeconds(), TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (keepAlive != null) {
      keepAlive.cancel(false);
    }
    byGeneration.closeAll();
    byUser.closeAll();
  }

  /**
   * Streams the generation to a new client: its state now, then every change and every job that
   * ends from now on, until it ends.
   */
  public void follow(Generation generation, SseEventSink sink, Sse sse) {
    Stream stream = byGeneration.add(generation.id(), sink, sse);
    generations.jobs(generation.id()).stream()
        .filter(job -> job.status().isTerminal())
        .forEach(job -> stream.toldJobs().add(job.id()));
    generations
        .reload(generation.id())
        .ifPresent(now -> byGeneration.publish(generation.id(), Set.of(stream), now, List.of()));
  }

  /**
   * Streams all the user's generations to a new client: the state of those not ended yet now, then
   * every change of any of them.
   */
  public void followAll(UUID userId, SseEventSink sink, Sse sse) {
    Stream stream = byUser.add(userId, sink, sse);
    for (Generation generation : generations.unfinished(userId, UNFINISHED_ON_CONNECT)) {
      byUser.publish(userId, Set.of(stream), generation, List.of());
    }
  }

  /** A generation changed (on any instance): tell its streams and its owner's here. */
  public void changed(GenerationChanged change) {
    Set<Stream> one = byGeneration.of(change.generationId());
    Set<Stream> all = change.userId() == null ? Set.of() : byUser.of(change.userId());
    if (one.isEmpty() && all.isEmpty()) {
      return;
    }
    Optional<Generation> found = generations.reload(change.generationId());
    if (found.isEmpty()) {
      return;
    }
    Generation generation = found.get();
    List<JobView> ended = new ArrayList<>();
    for (UUID jobId : change.endedJobs()) {
      generations.reloadJob(jobId).map(job -> JobView.forOwner(job, images)).ifPresent(ended::add);
    }
    byGeneration.publish(generation.id(), one, generation, ended);
    byUser.publish(generation.userId(), all, generation, ended);
  }

  private void keepAlive() {
    long now = System.nanoTime();
    byGeneration.keepAlive(now);
    byUser.keepAlive(now);
  }

  /** Streams under one kind of key, and how they are sent to, kept alive and closed. */
  private final class Followers {

    private final boolean endWithGeneration;
    private final Map<UUID, Set<Stream>> streams = new ConcurrentHashMap<>();

    Followers(boolean endWithGeneration) {
      this.endWithGeneration = endWithGeneration;
    }

    Stream add(UUID key, SseEventSink sink, Sse sse) {
      Stream stream =
          new Stream(
              sink,
              sse,
              System.nanoTime(),
              ConcurrentHashMap.newKeySet(),
              new ConcurrentHashMap<>());
      // compute, not computeIfAbsent(...).add: forget may remove an emptied set in between.
      streams.compute(
          key,
          (id, set) -> {
            Set<Stream> following = set == null ? ConcurrentHashMap.newKeySet() : set;
            following.add(stream);
            return following;
          });
      return stream;
    }

    Set<Stream> of(UUID key) {
      Set<Stream> following = streams.get(key);
      return following == null ? Set.of() : following;
    }

    void publish(UUID key, Set<Stream> to, Generation generation, List<JobView> endedJobs) {
      if (to.isEmpty()) {
        return;
      }
      GenerationView view = GenerationView.current(generation, positions, images);
      boolean closing = endWithGeneration && generation.status().isTerminal();
      // The last word on a generation: every job it has (the announcements of some may be late).
      List<JobView> jobs =
          closing
              ? generations.jobs(generation.id()).stream()
                  .map(job -> JobView.forOwner(job, images))
                  .toList()
              : endedJobs;
      for (Stream stream : to) {
        synchronized (stream) {
          if (stream.sink().isClosed()) {
            forget(key, stream);
            continue;
          }
          for (JobView job : jobs) {
            boolean ended = GenerationStatus.ofCode(job.status()).isTerminal();
            if (ended && (!endWithGeneration || stream.toldJobs().add(job.id()))) {
              sendOrClose(key, stream, jobEvent(stream.sse(), job));
            }
          }
          if (stream.isNews(generation)) {
            sendOrClose(key, stream, stateEvent(stream.sse(), generation, view));
          }
          if (closing) {
            close(key, stream);
          }
        }
      }
    }

    void keepAlive(long now) {
      streams.forEach(
          (key, set) ->
              set.forEach(
                  stream -> {
                    synchronized (stream) {
                      if (stream.sink().isClosed() || now - stream.openedAt() > LONGEST.toNanos()) {
                        close(key, stream);
                      } else {
                        sendOrClose(
                            key,
                            stream,
                            stream.sse().newEventBuilder().comment("keep-alive").build());
                      }
                    }
                  }));
    }

    void closeAll() {
      streams.values().forEach(set -> set.forEach(stream -> stream.sink().close()));
    }

    /** Sends the event; a client that cannot take it any more is closed and forgotten. */
    private void sendOrClose(UUID key, Stream stream, OutboundSseEvent event) {
      stream
          .sink()
          .send(event)
          .whenComplete(
              (sent, failure) -> {
                if (failure != null) {
                  close(key, stream);
                }
              });
    }

    private void close(UUID key, Stream stream) {
      stream.sink().close();
      forget(key, stream);
    }

    private void forget(UUID key, Stream stream) {
      streams.computeIfPresent(
          key,
          (id, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
          });
    }
  }

  /** {@code event:} the status, {@code data:} the generation. */
  private static OutboundSseEvent stateEvent(Sse sse, Generation generation, GenerationView view) {
    return sse.newEventBuilder()
        .name(view.status())
        .id(generation.id() + ":" + view.status() + ":" + view.progress())
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(GenerationView.class, view)
        .build();
  }

  /** {@code event: job}, {@code data:} the job that ended, with the generation's id. */
  private static OutboundSseEvent jobEvent(Sse sse, JobView job) {
    return sse.newEventBuilder()
        .name(JOB_EVENT)
        .id(job.id() + ":" + job.status())
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(JobView.class, job)
        .build();
  }
}
