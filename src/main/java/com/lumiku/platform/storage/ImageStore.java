package com.lumiku.platform.storage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps generated images: on the filesystem, under {@code images/} in the data folder, or in an
 * S3-compatible bucket ({@code lumiku.storage.mode}, see {@link ImageBackends}); the behaviour is
 * the same in both.
 *
 * <p>Each image gets a random, unguessable name, never reused; it is served only through
 * short-lived signed URLs ({@link ImageUrls}), handed out to whoever may see it. A reader never
 * sees half an image. Images are stored inside the transaction that records them (a worker's, an
 * upload's): if it rolls back, they are removed again (a transactional observer), so a retried
 * attempt leaves no orphans. Only names this store makes are read or removed.
 */
@ApplicationScoped
public class ImageStore {

  private static final Logger LOG = Logger.getLogger(ImageStore.class.getName());

  private static final Pattern NAME =
      Pattern.compile(
          "([0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|shared-[a-z0-9]+(-[a-z0-9]+)*)(-thumb)?\\.png");

  private static final String SHARED = "shared-";

  private static final Pattern SHARED_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** The shared images written since the start (each is written once per start at most). */
  private final Set<String> sharedWritten = ConcurrentHashMap.newKeySet();

  @Inject
  @ConfigProperty(name = "lumiku.data.dir")
  String dataDir;

  @Inject
  @ConfigProperty(name = ImageBackends.MODE)
  String mode;

  @Inject Config config;
  @Inject Event<StoredImage> stored;
  @Inject Event<Discarded> discarded;

  private ImageBackend backend;

  ImageStore() {}

  /** A store on the backend, outside CDI (tests): the events stand for the transaction's. */
  ImageStore(ImageBackend backend, Event<StoredImage> stored, Event<Discarded> discarded) {
    this.backend = backend;
    this.stored = stored;
    this.discarded = discarded;
  }

  @PostConstruct
  void start() {
    backend =
        ImageBackends.open(
            mode, Path.of(dataDir), key -> config.getOptionalValue(key, String.class));
  }

  /** Chooses the backend at deployment: wrong settings stop the start, not the first upload. */
  void announce(@Observes Startup startup) {
    LOG.log(Level.INFO, "Images are stored in {0}", backend);
    if (!isWritable()) {
      LOG.log(Level.WARNING, "Images cannot be stored in {0} now", backend);
    }
  }

  @PreDestroy
  void stop() {
    backend.close();
  }

  /**
   * Stores a PNG and its thumbnail under one new name, for the caller's transaction: they are
   * removed if it rolls back.
   *
   * @return the two names
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public StoredImage store(byte[] png, byte[] thumbnailPng) {
    String id = UUID.randomUUID().toString();
    StoredImage image = new StoredImage(id + ".png", id + "-thumb.png");
    // Announced before the writes: a rollback after the first one removes it too.
    stored.fire(image);
    backend.put(image.image(), png);
    backend.put(image.thumbnail(), thumbnailPng);
    return image;
  }

  /**
   * Stores an image whose content is fixed by its {@code id} ({@code [a-z0-9-]}; e.g. the no-op
   * model's blank picture of one size) once, under fixed names that any number of rows may refer
   * to: written the first time it is stored after a start (the same bytes again, if it was there
   * already), never removed, neither when a transaction rolls back nor when a row referring to it
   * is deleted.
   *
   * @return the two names
   * @throws IllegalArgumentException if the id is not one
   */
  public StoredImage storeShared(String id, byte[] png, byte[] thumbnailPng) {
    // (An id ending in -thumb would name another id's thumbnail.)
    if (!SHARED_ID.matcher(id).matches() || id.length() > 100 || id.endsWith("-thumb")) {
      throw new IllegalArgumentException("Not the id of a shared image: " + id);
    }
    StoredImage image = new StoredImage(SHARED + id + ".png", SHARED + id + "-thumb.png");
    if (!sharedWritten.contains(id)) {
      backend.put(image.image(), png);
      backend.put(image.thumbnail(), thumbnailPng);
      sharedWritten.add(id);
    }
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
    try (InputStream content = open(name).orElseThrow(() -> new NoSuchElementException(name))) {
      return content.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read image " + name, e);
    }
  }

  /**
   * The content of a stored image, to be closed by the caller; empty if the name is not one this
   * store makes or there is no such image.
   */
  public Optional<InputStream> open(String name) {
    return NAME.matcher(name).matches() ? backend.get(name) : Optional.empty();
  }

  /**
   * Removes the image and its thumbnail once the caller's transaction has committed (whatever
   * referred to them is gone then); nothing happens if it rolls back.
   *
   * @throws IllegalArgumentException if a name is not one this store makes
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void deleteAfterCommit(StoredImage image) {
    checkNames(image);
    discarded.fire(new Discarded(image));
  }

  /** The transaction that stored the image rolled back: nothing refers to it. */
  void removeIfRolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) StoredImage image) {
    removeAfterCompletion(image, "its transaction rolled back");
  }

  /** The transaction that stopped referring to the image committed. */
  void removeDiscarded(@Observes(during = TransactionPhase.AFTER_SUCCESS) Discarded discarded) {
    removeAfterCompletion(discarded.image(), "it was discarded");
  }

  /** An image whose references are being removed (a separate type: its observer differs). */
  record Discarded(StoredImage image) {}

  /**
   * Removes what {@link #store} wrote.
   *
   * @throws IllegalArgumentException if a name is not one this store makes
   */
  void delete(StoredImage stored) {
    checkNames(stored);
    for (String name : new String[] {stored.image(), stored.thumbnail()}) {
      // Other rows refer to a shared image (see storeShared).
      if (!name.startsWith(SHARED)) {
        backend.delete(name);
      }
    }
  }

  /** Whether images can be stored now: a small file or object can be written and removed. */
  public boolean isWritable() {
    return backend.probe();
  }

  private void removeAfterCompletion(StoredImage image, String why) {
    // The transaction has ended: nobody is left to tell, so an image that stays is logged.
    try {
      delete(image);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Image {0} and {1} were not removed after {2}: {3}",
          new Object[] {image.image(), image.thumbnail(), why, e});
    }
  }

  private static void checkNames(StoredImage image) {
    for (String name : new String[] {image.image(), image.thumbnail()}) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("Not the name of a stored image: " + name);
      }
    }
  }

  /** The names of an image and its thumbnail. */
  public record StoredImage(String image, String thumbnail) {}
}
