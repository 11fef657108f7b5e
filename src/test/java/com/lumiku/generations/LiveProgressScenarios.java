package com.lumiku.generations;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.probe.ProbeBatch;
import com.lumiku.probe.ProbeOrder;
import com.lumiku.testing.Api;
import com.lumiku.testing.Scenarios;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/generations/{id}/events} streams a generation's changes as server-sent events,
 * from its state when the stream opens until it ends, with a {@code job} event for each job that
 * ends; {@code GET /api/generations/events} streams all of a user's generations. The changes reach
 * the streams through the broker's live-update topic, as they would from another instance. The
 * probe app's runs take 2 s here, so the stream sees them processing.
 */
public interface LiveProgressScenarios extends Scenarios {

  /** One server-sent event: its name and its data. */
  record Event(String name, JsonPath data) {}

  @Test
  default void streamsEveryChangeUntilTheGenerationEnds() throws Exception {
    Api.Member member = api().register();
    UUID generation =
        api().acceptedProbe(member, new ProbeOrder("watched closely", 2000, 0, false, false));

    List<Event> events = stream(member, generation).get(30, TimeUnit.SECONDS);

    List<String> names = events.stream().map(Event::name).toList();
    assertThat(names).last().isEqualTo("completed");
    assertThat(names).contains("processing");
    assertThat(names.indexOf("processing")).isLessThan(names.indexOf("completed"));
    Event last = events.get(events.size() - 1);
    assertThat(last.data().getString("id")).isEqualTo(generation.toString());
    assertThat(last.data().getInt("progress")).isEqualTo(100);
    assertThat(last.data().getString("result.label")).isEqualTo("watched closely");
  }

  @Test
  default void everyJobOfABatchIsAnEventWithItsResult() throws Exception {
    Api.Member member = api().register();
    List<ProbeOrder> parts =
        List.of(
            new ProbeOrder("first", 1500, 0, false, false),
            new ProbeOrder("second", 1500, 0, false, false),
            new ProbeOrder("third", 1500, 0, true, false));
    UUID generation =
        UUID.fromString(
            api()
                .orderProbeBatch(member, ProbeBatch.of("three parts", parts))
                .then()
                .statusCode(202)
                .extract()
                .path("generation.id"));

    List<Event> events = stream(member, generation).get(30, TimeUnit.SECONDS);

    List<Event> jobs = events.stream().filter(e -> e.name().equals("job")).toList();
    assertThat(jobs).hasSize(3);
    assertThat(jobs)
        .allSatisfy(
            job ->
                assertThat(job.data().getString("generationId")).isEqualTo(generation.toString()));
    assertThat(jobs.stream().map(job -> job.data().getString("status")))
        .containsExactlyInAnyOrder("completed", "completed", "failed");
    assertThat(
            jobs.stream()
                .filter(job -> job.data().getString("status").equals("completed"))
                .map(job -> job.data().getString("result.label")))
        .containsExactlyInAnyOrder("first", "second");
    assertThat(events.get(events.size() - 1).name()).isEqualTo("partial");
  }

  @Test
  default void aUsersStreamCarriesAllTheirGenerationsAndNoOneElses() throws Exception {
    Api.Member member = api().register();
    Api.Member other = api().register();
    UUID slow = api().acceptedProbe(member, new ProbeOrder("slow", 2000, 0, false, false));
    Map<UUID, String> lastStatus = new ConcurrentHashMap<>();
    Set<UUID> jobsOf = ConcurrentHashMap.newKeySet();
    CountDownLatch connected = new CountDownLatch(1);
    CompletableFuture<Void> streamed =
        streamAll(
            member,
            event -> {
              UUID id =
                  UUID.fromString(
                      event.data().getString(event.name().equals("job") ? "generationId" : "id"));
              if (event.name().equals("job")) {
                jobsOf.add(id);
              } else {
                lastStatus.put(id, event.name());
              }
              connected.countDown();
              return lastStatus.size() >= 2
                  && lastStatus.values().stream().allMatch(status -> status.equals("completed"));
            });
    assertThat(connected.await(10, TimeUnit.SECONDS))
        .as("the unfinished generation on connect")
        .isTrue();
    UUID later = api().acceptedProbe(member, ProbeOrder.succeed("ordered later"));
    UUID notMine = api().acceptedProbe(other, ProbeOrder.succeed("somebody else's"));

    streamed.get(30, TimeUnit.SECONDS);

    assertThat(lastStatus).containsOnlyKeys(slow, later).doesNotContainKey(notMine);
    assertThat(jobsOf).containsExactlyInAnyOrder(slow, later);
  }

  @Test
  default void avatarResultsCarryTheirImageUrls() throws Exception {
    Api.Member member = api().register();
    UUID generation = api().acceptedAvatar(member, api().createProject(member), "in the stream");

    List<Event> events = stream(member, generation).get(30, TimeUnit.SECONDS);

    Event last = events.get(events.size() - 1);
    assertThat(last.name()).isEqualTo("completed");
    String imageUrl = last.data().getString("result.imageUrl");
    assertThat(imageUrl).startsWith("/api/images/").contains("?expires=", "&signature=");
    api().get(imageUrl).then().statusCode(200).contentType("image/png");
  }

  /** The user's stream signs the image URLs of job events and states as it sends them. */
  @Test
  default void aUsersStreamCarriesSignedImageUrls() throws Exception {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    api().acceptedProbe(member, new ProbeOrder("keeps the stream busy", 2000, 0, false, false));
    Map<String, String> urls = new ConcurrentHashMap<>();
    CountDownLatch connected = new CountDownLatch(1);
    CompletableFuture<Void> streamed =
        streamAll(
            member,
            event -> {
              connected.countDown();
              String imageUrl = event.data().getString("result.imageUrl");
              if (imageUrl != null) {
                urls.put(event.name(), imageUrl);
              }
              return urls.containsKey("job") && urls.containsKey("completed");
            });
    assertThat(connected.await(10, TimeUnit.SECONDS)).as("the probe's state on connect").isTrue();
    api().acceptedAvatar(member, projectId, "seen in the user's stream");

    streamed.get(30, TimeUnit.SECONDS);

    assertThat(urls.values())
        .hasSize(2)
        .allSatisfy(
            url -> {
              assertThat(url).startsWith("/api/images/").contains("?expires=", "&signature=");
              api().get(url).then().statusCode(200).contentType("image/png");
            });
  }

  @Test
  default void anEndedGenerationGetsOneEventAndTheStreamCloses() throws Exception {
    Api.Member member = api().register();
    UUID generation = api().acceptedAvatar(member, api().createProject(member), "already done");
    api().awaitTerminal(member, generation, Duration.ofSeconds(30));

    List<Event> events = stream(member, generation).get(10, TimeUnit.SECONDS);

    assertThat(events).extracting(Event::name).containsExactly("completed");
  }

  @Test
  default void othersCannotWatch() {
    Api.Member member = api().register();
    UUID generation = api().acceptedAvatar(member, api().createProject(member), "private");
    api()
        .as(api().register())
        .accept("text/event-stream")
        .get("/api/generations/" + generation + "/events")
        .then()
        .statusCode(404);
  }

  /** Reads the stream until the server closes it. */
  private CompletableFuture<List<Event>> stream(Api.Member member, UUID generation) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(api().base() + "/api/generations/" + generation + "/events"))
            .header("Authorization", "Bearer " + member.token())
            .header("Accept", "text/event-stream")
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
        .thenApply(
            response -> {
              assertThat(response.statusCode()).isEqualTo(200);
              return parse(response.body());
            });
  }

  /**
   * Reads the user's stream of all generations, handing each event to {@code done}, until it says
   * the test has seen enough; then closes the stream.
   */
  private CompletableFuture<Void> streamAll(Api.Member member, Predicate<Event> done) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api().base() + "/api/generations/events"))
            .header("Authorization", "Bearer " + member.token())
            .header("Accept", "text/event-stream")
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
        .thenAccept(
            response -> {
              assertThat(response.statusCode()).isEqualTo(200);
              try (Stream<String> lines = response.body()) {
                Iterator<String> each = lines.iterator();
                EventReader reader = new EventReader();
                while (each.hasNext()) {
                  Optional<Event> event = reader.read(each.next());
                  if (event.isPresent() && done.test(event.get())) {
                    return;
                  }
                }
              }
            });
  }

  private static List<Event> parse(Stream<String> lines) {
    List<Event> events = new ArrayList<>();
    EventReader reader = new EventReader();
    lines.forEach(line -> reader.read(line).ifPresent(events::add));
    return events;
  }

  /** Puts server-sent events together from their lines. */
  final class EventReader {
    private String name;
    private final StringBuilder data = new StringBuilder();

    Optional<Event> read(String line) {
      if (line.startsWith("event:")) {
        name = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).strip());
      } else if (line.isEmpty() && name != null) {
        Event event = new Event(name, new JsonPath(data.toString()));
        name = null;
        data.setLength(0);
        return Optional.of(event);
      }
      return Optional.empty();
    }
  }
}
