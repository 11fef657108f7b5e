package com.lumiku.poses.boundary;

import com.lumiku.generations.control.WorkerKinds;
import com.lumiku.platform.messaging.BrokerManagement;
import com.lumiku.platform.storage.ImageStore;
import com.lumiku.poses.control.PoseGenerator;
import com.lumiku.poses.control.PoseLibrary;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Whether Pose Generator can take and do work now, for operators and probes: its worker queue has
 * consumers, the library has poses to show, and pictures can be stored. 200 when all are UP, else
 * 503; counts only, so it needs no sign-in, and an answer is reused for 5 s. (The application's
 * readiness already requires a consumer on every app's queue; this says which part of this app is
 * wrong.)
 */
@Path("apps/" + PoseGenerator.ID + "/health")
@ApplicationScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PoseGeneratorHealthResource {

  private static final Logger LOG = Logger.getLogger(PoseGeneratorHealthResource.class.getName());

  @Inject WorkerKinds workerKinds;
  @Inject BrokerManagement broker;
  @Inject PoseLibrary library;
  @Inject ImageStore images;

  /** One check: its name, UP or DOWN, and what it found. */
  @JsonbPropertyOrder({"name", "status", "detail"})
  public record Check(String name, String status, String detail) {

    static Check of(String name, boolean up, String detail) {
      return new Check(name, up ? "UP" : "DOWN", detail);
    }
  }

  /** The app's status (UP when every check is) and its checks. */
  @JsonbPropertyOrder({"app", "status", "checks"})
  public record Health(String app, String status, List<Check> checks) {}

  /** How long an answer is reused: anyone may ask, and each look asks the broker and the disk. */
  static final Duration FRESH_FOR = Duration.ofSeconds(5);

  private record Looked(Health health, long atNanos) {}

  private final AtomicReference<Looked> last = new AtomicReference<>();

  @GET
  @Operation(
      summary = "Pose Generator's health",
      description =
          "Whether the app can take orders now (its queue, workers, storage and model); needs no token. Checked at most every few seconds.")
  @APIResponse(
      responseCode = "200",
      description = "UP.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Health.class)))
  @APIResponse(
      responseCode = "503",
      description = "DOWN: the checks say which part is missing.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Health.class)))
  public Response health() {
    Looked looked = last.get();
    if (looked == null || System.nanoTime() - looked.atNanos() > FRESH_FOR.toNanos()) {
      looked = new Looked(look(), System.nanoTime());
      last.set(looked);
    }
    Health health = looked.health();
    return Response.status(health.status().equals("UP") ? 200 : 503).entity(health).build();
  }

  private Health look() {
    List<Check> checks = new ArrayList<>();
    workerKinds.all().stream()
        .filter(kind -> PoseGenerator.ID.equals(kind.app()))
        .forEach(kind -> checks.add(queue(kind.queue())));
    long poses = library.publicPoses();
    checks.add(Check.of("library", poses > 0, poses + " poses"));
    boolean writable = images.isWritable();
    checks.add(Check.of("storage", writable, writable ? "writable" : "not writable"));
    boolean up = checks.stream().allMatch(check -> check.status().equals("UP"));
    return new Health(PoseGenerator.ID, up ? "UP" : "DOWN", checks);
  }

  private Check queue(String queue) {
    try {
      int consumers = broker.queue(queue).consumers();
      return Check.of("queue", consumers > 0, queue + ": " + consumers + " consumers");
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Pose Generator health: the broker did not answer about {0}: {1}",
          new Object[] {queue, String.valueOf(e)});
      return Check.of("queue", false, queue + ": the broker did not answer");
    }
  }
}
