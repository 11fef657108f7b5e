package com.lumiku.generations;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/generations/{id}/events} streams a generation's changes as server-sent events,
 * from its state when the stream opens until it ends; the changes reach the stream through the
 * broker's live-update topic, as they would from another instance. The probe app's runs take 2 s
 * here, so the stream sees them processing.
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
  default void avatarResultsCarryTheirImageUrls() throws Exception {
    Api.Member member = api().register();
    UUID generation = api().acceptedAvatar(member, api().createProject(member), "in the stream");

    List<Event> events = stream(member, generation).get(30, TimeUnit.SECONDS);

    Event last = events.get(events.size() - 1);
    assertThat(last.name()).isEqualTo("completed");
    assertThat(last.data().getString("result.imageUrl")).startsWith("/api/images/");
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

  private static List<Event> parse(Stream<String> lines) {
    List<Event> events = new ArrayList<>();
    String[] name = {null};
    StringBuilder data = new StringBuilder();
    lines.forEach(
        line -> {
          if (line.startsWith("event:")) {
            name[0] = line.substring(6).strip();
          } else if (line.startsWith("data:")) {
            data.append(line.substring(5).strip());
          } else if (line.isEmpty() && name[0] != null) {
            events.add(new Event(name[0], new JsonPath(data.toString())));
            name[0] = null;
            data.setLength(0);
          }
        });
    return events;
  }
}
