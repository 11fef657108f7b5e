package com.lumiku.imaging;

import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.ratelimit.RateLimits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pictures users upload to any app (an avatar, a Pose Generator subject, a pose request's
 * reference): the multipart {@code image} part checked and re-encoded by {@link ImageUploads}, a
 * refusal answered as a problem (413 for a file too large, 503 while too many are being checked,
 * 400 otherwise), and its thumbnail. The size limit is {@code lumiku.uploads.max-bytes}; the other
 * limits are {@link ImageUploads.Limits#DEFAULTS}.
 */
@ApplicationScoped
public class PictureUploads {

  /** The rate limit on uploads, per user, across every app. */
  public static final String LIMIT = "uploads";

  @Inject RateLimits limits;

  @Inject
  @ConfigProperty(name = "lumiku.uploads.max-bytes")
  long maxBytes;

  private ImageUploads uploads;

  @PostConstruct
  void limit() {
    ImageUploads.Limits defaults = ImageUploads.Limits.DEFAULTS;
    uploads =
        new ImageUploads(
            new ImageUploads.Limits(
                maxBytes,
                defaults.minWidth(),
                defaults.minHeight(),
                defaults.maxWidth(),
                defaults.maxHeight(),
                defaults.maxPixels()));
  }

  /**
   * The uploaded picture, checked and re-encoded (after the uploader's {@value #LIMIT} rate limit
   * counted it, before any decoding), with its thumbnail at most {@code thumbnailSize} pixels on
   * its longer side; nothing of it is kept when it is refused.
   *
   * @throws ProblemException 400, 413 or 503 when it is refused (see the class comment); 400 when
   *     the upload breaks off; 429 past the rate limit
   */
  public AcceptedImage accepted(UUID uploader, EntityPart image, int thumbnailSize) {
    limits.acquire(LIMIT, uploader.toString());
    if (image == null) {
      throw ProblemException.invalid(
          List.of(new Problem.FieldError("image", "must be a PNG, JPEG or WebP picture.")));
    }
    try (InputStream content = image.getContent()) {
      return uploads.accept(content, thumbnailSize);
    } catch (ImageRefusedException refused) {
      throw new ProblemException(
          switch (refused.reason()) {
            case TOO_LARGE -> Problem.of(413, "Content Too Large", refused.sentence());
            case BUSY -> Problem.of(503, "Service Unavailable", refused.sentence());
            default -> Problem.of(400, "Bad Request", refused.sentence());
          });
    } catch (IOException e) {
      // The client went away or sent a part cut short: nothing was read that could be kept.
      throw ProblemException.badRequest("The picture could not be read completely; send it again.");
    }
  }
}
