package com.lumiku.imaging;

import com.lumiku.generations.control.PermanentFailure;
import com.lumiku.generations.control.TransientFailure;
import com.lumiku.platform.JsonDocuments;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Draws with a Hugging Face text-to-image model through {@link HuggingFaceClient}. Selected when
 * {@code HF_TOKEN} is set. Failures are sorted for the worker: a loading model (503), rate limits
 * (429), other server errors, timeouts and unreachable hosts are a {@link TransientFailure}; a
 * refused token (401, 403) or a refused request (400, 422, e.g. content the model will not draw) a
 * {@link PermanentFailure}.
 *
 * <p>What it can send is what the serverless API's text-to-image task takes: {@code inputs} (the
 * prompt) and {@code parameters} such as {@code width}, {@code height}, {@code seed}, {@code
 * negative_prompt}, {@code guidance_scale} and {@code num_inference_steps}; Lumiku sends the size
 * and, when the request has one, the seed. There is no place in that request for a picture, so a
 * {@link PoseGuide}'s subject and skeleton are not sent: conditioning on them (ControlNet
 * "openpose", image-to-image) needs a model and an endpoint that offer it, such as a dedicated
 * Inference Endpoint running a ControlNet pipeline, which this generator does not talk to. A guided
 * request is drawn from its prompt alone, so the caller puts the pose and the subject into the
 * prompt's words; the picture follows them as far as the model follows a description.
 *
 * <p>Settings: {@code lumiku.huggingface.base-url}, {@code .model}, {@code .connect-timeout},
 * {@code .read-timeout}; the whole call is bounded by Fault Tolerance's {@code @Timeout}
 * (overridable as {@code com.lumiku.imaging.HuggingFaceImageGenerator/generate/Timeout/value}).
 */
@ApplicationScoped
@Typed(HuggingFaceImageGenerator.class)
public class HuggingFaceImageGenerator implements ImageGenerator {

  @Inject
  @ConfigProperty(name = "HF_TOKEN")
  Optional<String> token;

  @Inject
  @ConfigProperty(name = "lumiku.huggingface.base-url")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "lumiku.huggingface.model")
  String model;

  @Inject
  @ConfigProperty(name = "lumiku.huggingface.connect-timeout")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "lumiku.huggingface.read-timeout")
  Duration readTimeout;

  private HuggingFaceClient client;

  @PostConstruct
  void connect() {
    client =
        RestClientBuilder.newBuilder()
            .baseUri(URI.create(baseUrl.replaceAll("/+$", "") + "/models/" + model))
            .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .property("microprofile.rest.client.disable.default.mapper", true)
            .build(HuggingFaceClient.class);
  }

  /** Whether a token is configured, i.e. whether this generator is the one in use. */
  public boolean isConfigured() {
    return token.filter(t -> !t.isBlank()).isPresent();
  }

  @Override
  @Timeout(value = 120, unit = ChronoUnit.SECONDS)
  public byte[] generate(ImageRequest request) {
    try (Response response = client.infer("Bearer " + token.orElse(""), body(request))) {
      int status = response.getStatus();
      if (status == 200) {
        return response.readEntity(byte[].class);
      }
      throw failure(status, errorOf(response));
    } catch (ProcessingException e) {
      throw new TransientFailure(
          "model-unreachable",
          "The image service could not be reached.",
          "The model provider could not be reached: " + rootMessage(e),
          e);
    }
  }

  /**
   * The text-to-image request: the prompt as {@code inputs}, the size and, when the request has
   * one, the seed as {@code parameters}. A pose guide is not sent (see the class comment): its pose
   * reaches the model only as the words of the prompt.
   */
  static JsonObject body(ImageRequest request) {
    JsonObjectBuilder parameters =
        JsonDocuments.object().add("width", request.width()).add("height", request.height());
    if (request.seed() != null) {
      parameters.add("seed", request.seed());
    }
    return JsonDocuments.object()
        .add("inputs", request.prompt())
        .add("parameters", parameters)
        .build();
  }

  /**
   * What an answer other than 200 means for the generation. The user reads a plain sentence; the
   * provider's own words go to the detail.
   */
  private static RuntimeException failure(int status, JsonObject error) {
    String reason = "HTTP " + status + ": " + error.getString("error", "(no reason given)");
    return switch (status) {
      case 503 ->
          new TransientFailure(
              "model-loading",
              "The image model is starting up.",
              "The model is loading"
                  + (error.get("estimated_time") instanceof JsonNumber eta
                      ? " (ready in about " + Math.round(eta.doubleValue()) + " s)"
                      : "")
                  + "; "
                  + reason,
              null);
      case 429 ->
          new TransientFailure(
              "model-busy",
              "The image service is busy.",
              "The model provider is rate limiting; " + reason,
              null);
      case 401, 403 ->
          new PermanentFailure(
              "model-unavailable",
              "The image service is not available; your credits were refunded.",
              "The model provider refused the token; " + reason,
              null);
      default ->
          status >= 500
              ? new TransientFailure(
                  "model-failed",
                  "The image service failed.",
                  "The model provider failed; " + reason,
                  null)
              : new PermanentFailure(
                  "refused",
                  "The image model refused this prompt; your credits were refunded.",
                  "The model refused the request; " + reason,
                  null);
    };
  }

  private static JsonObject errorOf(Response response) {
    try {
      byte[] bytes = response.readEntity(byte[].class);
      try (JsonReader reader = JsonDocuments.reader(new ByteArrayInputStream(bytes))) {
        JsonValue value = reader.readValue();
        return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
      }
    } catch (RuntimeException e) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
