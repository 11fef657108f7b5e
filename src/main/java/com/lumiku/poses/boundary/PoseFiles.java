package com.lumiku.poses.boundary;

import com.lumiku.imaging.ImageFormat;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.poses.entity.GeneratedPose;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** How drawn poses leave as files: the format asked for, their names, the download header. */
final class PoseFiles {

  private PoseFiles() {}

  /**
   * The format a client asked for; PNG when none.
   *
   * @throws ProblemException 400 for an unknown one
   */
  static ImageFormat format(String code) {
    if (code == null || code.isBlank()) {
      return ImageFormat.PNG;
    }
    try {
      return ImageFormat.parse(code);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("format must be png, jpeg or webp.");
    }
  }

  /** A pose's file name: {@code pose-<seed>-<id>.<extension>}, unique and safe anywhere. */
  static String name(GeneratedPose pose, ImageFormat format) {
    return "pose-" + pose.seed() + "-" + pose.id() + "." + format.extension();
  }

  /** The {@code Content-Disposition} of a download named {@code file}. */
  static String attachment(String file) {
    return "attachment; filename=\""
        + file
        + "\"; filename*=UTF-8''"
        + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
