package com.lumiku.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What an orchestrator's probes see while an instance starts: from the moment the process is
 * launched, every 100 ms, {@code /health/ready} and {@code /health/started}, then {@code
 * /api/apps}. A probe that answers 200 while the API does not (the request sent right after the
 * probe's answer) and never did is a lie: an orchestrator would route traffic to an instance that
 * 404s it (issue 18; the seed's outage was a health check that said healthy while nothing worked).
 * Asking the API after the probes, not before, matters: the WAR's context answers everything with
 * an empty 500 for about a second while it takes over the root context, and whichever request comes
 * first after that gets through; a probe's 200 followed at once by the API's 200 is that moment,
 * not a lie. {@link PayaraProcess} records every start and fails a start that lied.
 */
final class StartProbes {

  /** One poll: the status of each (0 when nothing answered). */
  record Poll(long millisSinceLaunch, int ready, int started, int apps) {
    @Override
    public String toString() {
      return "+%d ms ready=%d started=%d apps=%d"
          .formatted(millisSinceLaunch, ready, started, apps);
    }
  }

  private final String baseUrl;
  private final long launchedAt = System.nanoTime();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
  private final List<Poll> changes = new ArrayList<>();
  private boolean apiAnswered;
  private Poll lie;
  private Poll last;

  StartProbes(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Polls once; returns the readiness body when the application reports ready, else null. */
  String poll() throws InterruptedException {
    Answer ready = status("/health/ready");
    int started = status("/health/started").status;
    int apps = status("/api/apps").status;
    Poll poll =
        new Poll(
            Duration.ofNanos(System.nanoTime() - launchedAt).toMillis(),
            ready.status,
            started,
            apps);
    if (!apiAnswered && apps != 200 && (ready.status == 200 || started == 200) && lie == null) {
      lie = poll;
    }
    apiAnswered |= apps == 200;
    if (last == null
        || last.apps != apps
        || last.ready != ready.status
        || last.started != started) {
      changes.add(poll);
    }
    last = poll;
    Thread.sleep(100);
    return ready.status == 200 ? ready.body : null;
  }

  /**
   * @throws AssertionError if readiness or startup answered 200 before the API ever did
   */
  void assertNoLie() {
    if (lie != null) {
      throw new AssertionError(
          "a probe answered 200 while /api/apps did not, before it ever did ("
              + lie
              + "); the start: "
              + changes);
    }
  }

  /** Every change of the answers, from the launch on. */
  List<Poll> timeline() {
    return List.copyOf(changes);
  }

  private record Answer(int status, String body) {}

  private Answer status(String path) throws InterruptedException {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + path))
                  // As long as an orchestrator's probe waits (Kubernetes base: 5 s): readiness runs
                  // its checks one after the other, and under the rolling restart's load (two
                  // instances and the client on two cores) it once took longer than 2 s on every
                  // poll for minutes, which looked like an instance that never got ready.
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException notListening) {
      return new Answer(0, "");
    }
  }
}
