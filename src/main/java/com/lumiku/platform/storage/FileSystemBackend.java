package com.lumiku.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Images as files in one folder. A write goes to a temporary file first and is moved into place, so
 * a reader never sees half an image.
 */
final class FileSystemBackend implements ImageBackend {

  private final Path folder;

  /**
   * @throws UncheckedIOException if the folder cannot be created
   */
  FileSystemBackend(Path folder) {
    this.folder = folder.toAbsolutePath();
    try {
      Files.createDirectories(this.folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the image folder " + this.folder, e);
    }
  }

  @Override
  public void put(String name, byte[] content) {
    try {
      Path partial = Files.createTempFile(folder, ".partial-", ".tmp");
      try {
        Files.write(partial, content);
        Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store image " + name, e);
    }
  }

  @Override
  public Optional<InputStream> get(String name) {
    try {
      // Opened, not checked first: a file removed in between is simply absent.
      return Optional.of(Channels.newInputStream(Files.newByteChannel(folder.resolve(name))));
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read image " + name, e);
    }
  }

  @Override
  public void delete(String name) {
    try {
      Files.deleteIfExists(folder.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove image " + name, e);
    }
  }

  @Override
  public boolean probe() {
    try {
      Path probe = Files.createTempFile(folder, ".probe-", ".tmp");
      Files.delete(probe);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    // nothing held open
  }

  @Override
  public String toString() {
    return "the folder " + folder;
  }
}
