package com.lumiku.platform.storage;

import com.lumiku.platform.LumikuApi;
import com.lumiku.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Serves stored images to whoever holds a valid signed URL ({@link ImageUrls}): no token is needed
 * (an {@code <img>} cannot send one), the URL is the permission. A missing, wrong or expired
 * signature and an image that does not exist (or was deleted) all get the same 404, so that no
 * answer tells whether a name exists. The answer may be kept by the browser, never by a shared
 * cache, and not beyond the URL's expiry.
 */
@Path(ImagesResource.PATH)
@RequestScoped
@PermitAll
public class ImagesResource {

  static final String PATH = "images";

  @Inject ImageStore store;
  @Inject ImageUrls urls;

  @GET
  @Path("{name}")
  @Operation(
      summary = "A picture by its signed URL",
      description =
          "The URL (as answers give it, with expires and signature) is the permission; no token is needed. A missing, wrong or expired signature and a missing picture are the same 404. Cached privately until the URL expires.")
  @APIResponse(
      responseCode = "200",
      description = "The picture.",
      content = {
        @Content(
            mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  public Response image(
      @PathParam("name") String name,
      @QueryParam(ImageUrls.EXPIRES) String expires,
      @QueryParam(ImageUrls.SIGNATURE) String signature) {
    Duration left =
        urls.validFor(name, expires, signature)
            .orElseThrow(() -> ProblemException.notFound("Image " + name));
    java.io.InputStream image =
        store.open(name).orElseThrow(() -> ProblemException.notFound("Image " + name));
    CacheControl untilExpiry = new CacheControl();
    untilExpiry.setPrivate(true);
    untilExpiry.setMaxAge((int) Math.min(Integer.MAX_VALUE, left.toSeconds()));
    return Response.ok(image, "image/png").cacheControl(untilExpiry).build();
  }

  /**
   * The unsigned path of an image of this name under the API ({@code /api/images/<name>}), from the
   * resource's own path; no request is needed, so workers store it in a generation's result, and
   * answers sign it ({@link ImageUrls}): alone it fetches nothing.
   */
  public static String url(String name) {
    return "/" + LumikuApi.PATH + "/" + PATH + "/" + name;
  }
}
