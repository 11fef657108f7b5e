package com.lumiku.platform.storage;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** Chooses where images are kept ({@code lumiku.storage.mode}), once, at start. */
final class ImageBackends {

  static final String MODE = "lumiku.storage.mode";

  private ImageBackends() {}

  /**
   * The backend of the mode: {@code filesystem}, {@code images/} in the data folder, or {@code s3},
   * the bucket of the {@code lumiku.storage.s3.*} settings.
   *
   * @throws IllegalStateException if the mode is unknown or its settings are missing or wrong
   */
  static ImageBackend open(
      String mode, Path dataFolder, Function<String, Optional<String>> settings) {
    return switch (mode.strip()) {
      case "filesystem" -> new FileSystemBackend(dataFolder.resolve("images"));
      case "s3" -> new S3Backend(S3Backend.Settings.from(settings));
      default -> throw new IllegalStateException(MODE + " must be filesystem or s3, not " + mode);
    };
  }
}
