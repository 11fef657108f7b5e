package com.lumiku.platform.storage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps generated images on the filesystem, under {@code images/} in the data folder.
 *
 * <p>Each image gets a random, unguessable name, never reused; it is served only through
 * short-lived signed URLs ({@link ImageUrls}), handed out to whoever may see it. Writes go to a
 * temporary file first and are moved into place, so a reader never sees half an image. Images are
 * stored inside the transaction that records them (a worker's, an upload's): if it rolls back, the
 * files are removed again (a transactional observer), so a retried attempt leaves no orphans.
 */
@ApplicationScoped
public class ImageStore {

  private static final Pattern NAME =
      Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}(-thumb)?\\.png");

  @Inject
  @ConfigProperty(name = "lumiku.data.dir")
  String dataDir;

  @Inject Event<StoredImage> stored;
  @Inject Event<Discarded> discarded;

  private Path folder;

  @PostConstruct
  void open() {
    folder = Path.of(dataDir, "images").toAbsolutePath();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the image folder " + folder, e);
    }
  }

  /**
   * Stores a PNG and its thumbnail under one new name, for the caller's transaction: they are
   * removed if it rolls back.
   *
   * @return the two file names
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public StoredImage store(byte[] png, byte[] thumbnailPng) {
    String id = UUID.randomUUID().toString();
    StoredImage image = new StoredImage(id + ".png", id + "-thumb.png");
    stored.fire(image);
    write(image.image(), png);
    write(image.thumbnail(), thumbnailPng);
    return image;
  }

  /**
   * Stores a copy of a stored image and its thumbnail under a new name, for the caller's
   * transaction (removed if it rolls back), so the copy outlives the original.
   *
   * @throws NoSuchElementException if the original is gone
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public StoredImage copy(StoredImage original) {
    return store(read(original.image()), read(original.thumbnail()));
  }

  /**
   * The content of a stored image.
   *
   * @throws NoSuchElementException if there is no such image
   */
  public byte[] read(String name) {
    Path file = find(name).orElseThrow(() -> new NoSuchElementException(name));
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read image " + name, e);
    }
  }

  /**
   * Removes the image and its thumbnail once the caller's transaction has committed (whatever
   * referred to them is gone then); nothing happens if it rolls back.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void deleteAfterCommit(StoredImage image) {
    discarded.fire(new Discarded(image));
  }

  /** The transaction that stored the image rolled back: nothing refers to its files. */
  void removeIfRolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) StoredImage image) {
    delete(image);
  }

  /** The transaction that stopped referring to the image committed. */
  void removeDiscarded(@Observes(during = TransactionPhase.AFTER_SUCCESS) Discarded discarded) {
    delete(discarded.image());
  }

  /** An image whose references are being removed (a separate type: its observer differs). */
  record Discarded(StoredImage image) {}

  /** Removes what {@link #store} wrote. */
  public void delete(StoredImage stored) {
    try {
      Files.deleteIfExists(folder.resolve(stored.image()));
      Files.deleteIfExists(folder.resolve(stored.thumbnail()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether images can be stored now: a file can be written into the folder and removed. */
  public boolean isWritable() {
    try {
      Path probe = Files.createTempFile(folder, ".probe-", ".tmp");
      Files.delete(probe);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The file of a stored image, if the name is one this store makes and the file exists. */
  public Optional<Path> find(String name) {
    if (!NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Path file = folder.resolve(name);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  private void write(String name, byte[] content) {
    try {
      Path partial = Files.createTempFile(folder, ".partial-", ".png");
      Files.write(partial, content);
      Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store image " + name, e);
    }
  }

  /** The file names of an image and its thumbnail. */
  public record StoredImage(String image, String thumbnail) {}
}
