package com.lumiku.generations.boundary;

import com.lumiku.generations.control.Generations;
import com.lumiku.generations.control.QueuePositions;
import com.lumiku.generations.entity.Generation;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The live streams ({@code GET /api/generations/{id}/events}) connected to this instance. Each gets
 * the generation's current state when it connects and whenever it changes, read fresh from the
 * database, and is closed once the generation has ended. Streams are kept alive with a comment
 * every 15 s (which also finds clients that went away) and closed after 15 minutes at the latest.
 */
@ApplicationScoped
public class LiveGenerations {

  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  static final Duration LONGEST = Duration.ofMinutes(15);

  @Inject Generations generations;
  @Inject QueuePositions positions;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<UUID, Set<Stream>> streams = new ConcurrentHashMap<>();
  private ScheduledFuture<?> keepAlive;

  private record Stream(SseEventSink sink, Sse sse, long openedAt) {}

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
    streams.values().forEach(set -> set.forEach(stream -> stream.sink().close()));
  }

  /** Streams the generation to a new client: its state now, then every change until it ends. */
  public void follow(Generation generation, SseEventSink sink, Sse sse) {
    Stream stream = new Stream(sink, sse, System.nanoTime());
    streams.computeIfAbsent(generation.id(), id -> ConcurrentHashMap.newKeySet()).add(stream);
    publish(generation.id(), Set.of(stream));
  }

  /** A generation changed (on any instance): tell its streams here. */
  public void changed(UUID generationId) {
    Set<Stream> following = streams.get(generationId);
    if (following != null && !following.isEmpty()) {
      publish(generationId, following);
    }
  }

  private void publish(UUID generationId, Set<Stream> to) {
    Generation generation = generations.reload(generationId).orElse(null);
    if (generation == null) {
      return;
    }
    GenerationView view = GenerationView.current(generation, positions);
    boolean ended = generation.status().isTerminal();
    for (Stream stream : to) {
      synchronized (stream) {
        if (stream.sink().isClosed()) {
          forget(generationId, stream);
          continue;
        }
        OutboundSseEvent event =
            stream
                .sse()
                .newEventBuilder()
                .name(view.status())
                .id(generation.id() + ":" + view.status() + ":" + view.progress())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(GenerationView.class, view)
                .build();
        sendOrClose(generationId, stream, event);
        if (ended) {
          close(generationId, stream);
        }
      }
    }
  }

  private void keepAlive() {
    long now = System.nanoTime();
    streams.forEach(
        (generationId, set) ->
            set.forEach(
                stream -> {
                  synchronized (stream) {
                    if (stream.sink().isClosed() || now - stream.openedAt() > LONGEST.toNanos()) {
                      close(generationId, stream);
                    } else {
                      sendOrClose(
                          generationId,
                          stream,
                          stream.sse().newEventBuilder().comment("keep-alive").build());
                    }
                  }
                }));
  }

  /** Sends the event; a client that cannot take it any more is closed and forgotten. */
  private void sendOrClose(UUID generationId, Stream stream, OutboundSseEvent event) {
    stream
        .sink()
        .send(event)
        .whenComplete(
            (sent, failure) -> {
              if (failure != null) {
                close(generationId, stream);
              }
            });
  }

  private void close(UUID generationId, Stream stream) {
    stream.sink().close();
    forget(generationId, stream);
  }

  private void forget(UUID generationId, Stream stream) {
    streams.computeIfPresent(
        generationId,
        (id, set) -> {
          set.remove(stream);
          return set.isEmpty() ? null : set;
        });
  }
}
