package com.lumiku.imaging;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The Hugging Face Inference API for one text-to-image model: {@code POST {base}/models/{model}}
 * with {@code {"inputs": prompt, "parameters": {...}}} and a Bearer token; the answer is the image
 * bytes, or a JSON {@code {"error", "estimated_time"}} while the model loads (503), when rate
 * limited (429) or refused (4xx). The base URI includes the model, whose name contains a slash, so
 * the client is built by {@link HuggingFaceImageGenerator} with MicroProfile Rest Client's builder
 * from Lumiku's own settings rather than injected by a config key.
 */
public interface HuggingFaceClient {

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({"image/png", "image/jpeg", "image/*", MediaType.APPLICATION_JSON})
  Response infer(@HeaderParam("Authorization") String authorization, JsonObject request);
}
