package com.lumiku.imaging;

import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.storage.ImageStore;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;

/** How stored pictures (PNG) leave as downloads: the format asked for and the download header. */
public final class PictureFiles {

  private PictureFiles() {}

  /**
   * The format a client asked for; PNG when none.
   *
   * @throws ProblemException 400 for an unknown one
   */
  public static ImageFormat format(String code) {
    if (code == null || code.isBlank()) {
      return ImageFormat.PNG;
    }
    try {
      return ImageFormat.parse(code);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("format must be png, jpeg or webp.");
    }
  }

  /**
   * A download of the stored picture {@code name} in {@code format}, named {@code baseName} plus
   * the format's extension.
   *
   * @throws ProblemException 404 if the picture is gone (deleted meanwhile)
   */
  public static Response download(
      ImageStore store, String name, ImageFormat format, String baseName) {
    byte[] png;
    try {
      png = store.read(name);
    } catch (NoSuchElementException gone) {
      throw ProblemException.notFound("The picture " + baseName);
    }
    return download(png, format, baseName);
  }

  /**
   * A download of a stored PNG in {@code format}, named {@code baseName} plus the format's
   * extension (the name must be safe in a header: letters, digits, dashes).
   */
  public static Response download(byte[] png, ImageFormat format, String baseName) {
    byte[] content = format == ImageFormat.PNG ? png : format.encode(Png.decode(png));
    return Response.ok(content, format.mediaType())
        .header("Content-Disposition", attachment(baseName + "." + format.extension()))
        .build();
  }

  /** The {@code Content-Disposition} of a download named {@code file}. */
  public static String attachment(String file) {
    return "attachment; filename=\""
        + file
        + "\"; filename*=UTF-8''"
        + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
