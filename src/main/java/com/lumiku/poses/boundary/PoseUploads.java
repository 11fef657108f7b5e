package com.lumiku.poses.boundary;

import com.lumiku.imaging.AcceptedImage;
import com.lumiku.imaging.ImageRefusedException;
import com.lumiku.imaging.ImageUploads;
import com.lumiku.imaging.Png;
import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Pictures users upload to Pose Generator (a project's subject, a pose request's reference): the
 * multipart {@code image} part checked and re-encoded by {@link ImageUploads}, a refusal answered
 * as a problem (413 for a file too large, 503 while too many are being checked, 400 otherwise), and
 * its thumbnail.
 */
final class PoseUploads {

  /** The size of an upload's thumbnail, in pixels. */
  static final int THUMBNAIL_SIZE = 256;

  private static final ImageUploads UPLOADS = new ImageUploads(ImageUploads.Limits.DEFAULTS);

  private PoseUploads() {}

  /** The uploaded picture, checked and re-encoded; a refusal is a problem for the client. */
  static AcceptedImage accepted(EntityPart image) {
    if (image == null) {
      throw ProblemException.invalid(
          List.of(new Problem.FieldError("image", "must be a PNG, JPEG or WebP picture.")));
    }
    try (InputStream content = image.getContent()) {
      return UPLOADS.accept(content);
    } catch (ImageRefusedException refused) {
      throw new ProblemException(
          switch (refused.reason()) {
            case TOO_LARGE -> Problem.of(413, "Content Too Large", refused.sentence());
            case BUSY -> Problem.of(503, "Service Unavailable", refused.sentence());
            default -> Problem.of(400, "Bad Request", refused.sentence());
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the uploaded picture", e);
    }
  }

  static byte[] thumbnail(AcceptedImage picture) {
    return Png.thumbnail(Png.decode(picture.png()), THUMBNAIL_SIZE);
  }
}
