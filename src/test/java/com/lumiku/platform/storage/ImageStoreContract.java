package com.lumiku.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.platform.storage.ImageStore.Discarded;
import com.lumiku.platform.storage.ImageStore.StoredImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link ImageStore} promises in every storage mode, run against each backend by a subclass:
 * the same calls, the same answers, the same cleanup after a rollback or a commit (the observers
 * the container would call at the end of the transaction are called by hand).
 */
abstract class ImageStoreContract {

  private static final Random RANDOM = new Random(14);

  ImageBackend backend;
  RecordedEvent<StoredImage> stored;
  RecordedEvent<Discarded> discarded;
  ImageStore store;

  /** A new, working backend with nothing stored (or nothing of this test's). */
  abstract ImageBackend backend() throws Exception;

  /** A backend that cannot store anything now (its folder or bucket is missing). */
  abstract ImageBackend brokenBackend() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    backend = backend();
    stored = new RecordedEvent<>();
    discarded = new RecordedEvent<>();
    store = new ImageStore(backend, stored, discarded);
  }

  @AfterEach
  void closeStore() {
    backend.close();
  }

  static byte[] bytes(int size) {
    byte[] content = new byte[size];
    RANDOM.nextBytes(content);
    return content;
  }

  static byte[] content(Optional<InputStream> opened) throws IOException {
    try (InputStream in = opened.orElseThrow()) {
      return in.readAllBytes();
    }
  }

  @Test
  void storesAnImageAndItsThumbnailUnderNewNames() throws IOException {
    byte[] png = bytes(300_000);
    byte[] thumbnail = bytes(2_000);

    StoredImage first = store.store(png, thumbnail);
    StoredImage second = store.store(png, thumbnail);

    assertThat(first.image()).matches("[0-9a-f-]{36}\\.png");
    assertThat(first.thumbnail()).isEqualTo(first.image().replace(".png", "-thumb.png"));
    assertThat(second.image()).isNotEqualTo(first.image());
    assertThat(store.read(first.image())).isEqualTo(png);
    assertThat(store.read(first.thumbnail())).isEqualTo(thumbnail);
    assertThat(content(store.open(first.image()))).isEqualTo(png);
    assertThat(content(store.open(second.thumbnail()))).isEqualTo(thumbnail);
  }

  @Test
  void storesAnEmptyImage() {
    StoredImage image = store.store(new byte[0], new byte[0]);

    assertThat(store.read(image.image())).isEmpty();
  }

  @Test
  void announcesWhatItStoresToTheTransaction() {
    StoredImage image = store.store(bytes(10), bytes(10));

    assertThat(stored.fired).containsExactly(image);
    assertThat(discarded.fired).isEmpty();
  }

  @Test
  void copiesUnderANewNameThatOutlivesTheOriginal() {
    byte[] png = bytes(5_000);
    byte[] thumbnail = bytes(500);
    StoredImage original = store.store(png, thumbnail);

    StoredImage copy = store.copy(original);
    store.delete(original);

    assertThat(copy).isNotEqualTo(original);
    assertThat(stored.fired).containsExactly(original, copy);
    assertThat(store.read(copy.image())).isEqualTo(png);
    assertThat(store.read(copy.thumbnail())).isEqualTo(thumbnail);
    assertThat(store.open(original.image())).isEmpty();
  }

  @Test
  void refusesToCopyWhatIsGone() {
    StoredImage original = store.store(bytes(10), bytes(10));
    store.delete(original);

    assertThatThrownBy(() -> store.copy(original)).isInstanceOf(NoSuchElementException.class);
    assertThat(stored.fired).containsExactly(original);
  }

  @Test
  void deletesAnImageAndItsThumbnailOnceOrMore() {
    StoredImage image = store.store(bytes(10), bytes(10));

    store.delete(image);
    store.delete(image);

    assertThat(store.open(image.image())).isEmpty();
    assertThat(store.open(image.thumbnail())).isEmpty();
    assertThatThrownBy(() -> store.read(image.image())).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void knowsNothingOfNamesItNeverGave() {
    String absent = "0b9f4a8e-2c1d-4e5f-8a9b-0c1d2e3f4a5b.png";

    assertThat(store.open(absent)).isEmpty();
    assertThatThrownBy(() -> store.read(absent)).isInstanceOf(NoSuchElementException.class);
    store.delete(new StoredImage(absent, absent.replace(".png", "-thumb.png")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "../secret.png",
        "..%2Fsecret.png",
        "0B9F4A8E-2C1D-4E5F-8A9B-0C1D2E3F4A5B.png",
        "0b9f4a8e-2c1d-4e5f-8a9b-0c1d2e3f4a5b.jpg",
        "0b9f4a8e-2c1d-4e5f-8a9b-0c1d2e3f4a5b.png/../x.png",
        "images/0b9f4a8e-2c1d-4e5f-8a9b-0c1d2e3f4a5b.png",
        ".probe-0b9f4a8e-2c1d-4e5f-8a9b-0c1d2e3f4a5b",
        "0b9f4a8e-2c1d-4e5f-8a9b-0c1d2e3f4a5b.png\n"
      })
  void refusesNamesItDoesNotMake(String name) {
    StoredImage real = store.store(bytes(10), bytes(10));
    StoredImage forged = new StoredImage(name, real.thumbnail());

    assertThat(store.open(name)).isEmpty();
    assertThatThrownBy(() -> store.read(name)).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> store.delete(forged)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.deleteAfterCommit(forged))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(discarded.fired).isEmpty();
    assertThat(store.open(real.thumbnail())).isPresent();
  }

  @Test
  void removesWhatARolledBackTransactionStored() {
    StoredImage kept = store.store(bytes(10), bytes(10));
    StoredImage rolledBack = store.store(bytes(10), bytes(10));

    store.removeIfRolledBack(stored.fired.get(1));

    assertThat(store.open(rolledBack.image())).isEmpty();
    assertThat(store.open(rolledBack.thumbnail())).isEmpty();
    assertThat(store.open(kept.image())).isPresent();
    assertThat(store.open(kept.thumbnail())).isPresent();
  }

  @Test
  void removesADiscardedImageOnlyOnceTheTransactionCommitted() {
    StoredImage image = store.store(bytes(10), bytes(10));

    store.deleteAfterCommit(image);

    assertThat(discarded.fired).containsExactly(new Discarded(image));
    assertThat(store.open(image.image())).isPresent();
    store.removeDiscarded(discarded.fired.get(0));
    assertThat(store.open(image.image())).isEmpty();
    assertThat(store.open(image.thumbnail())).isEmpty();
  }

  @Test
  void cleanupAfterTheTransactionToleratesWhatIsGoneAlready() {
    StoredImage image = store.store(bytes(10), bytes(10));
    store.delete(image);

    store.removeIfRolledBack(image);
    store.removeDiscarded(new Discarded(image));

    assertThat(store.open(image.image())).isEmpty();
  }

  @Test
  void storesASharedImageOnceUnderFixedNamesThatNothingRemoves() {
    byte[] png = bytes(3_000);
    byte[] thumbnail = bytes(300);

    StoredImage first = store.storeShared("blank-512x512-160", png, thumbnail);
    StoredImage again = store.storeShared("blank-512x512-160", bytes(10), bytes(10));
    StoredImage other = store.storeShared("blank-256x256-160", bytes(20), bytes(20));

    assertThat(first)
        .isEqualTo(again)
        .isEqualTo(
            new StoredImage("shared-blank-512x512-160.png", "shared-blank-512x512-160-thumb.png"));
    assertThat(other.image()).isEqualTo("shared-blank-256x256-160.png");
    // Written the first time only; no transaction is told (a rollback must not remove it).
    assertThat(store.read(first.image())).isEqualTo(png);
    assertThat(store.read(first.thumbnail())).isEqualTo(thumbnail);
    assertThat(stored.fired).isEmpty();

    store.removeIfRolledBack(first);
    store.deleteAfterCommit(first);
    store.removeDiscarded(discarded.fired.get(0));
    store.delete(first);

    assertThat(store.read(first.image())).isEqualTo(png);
    assertThat(store.read(first.thumbnail())).isEqualTo(thumbnail);
    assertThat(store.copy(first).image()).matches("[0-9a-f-]{36}\\.png");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Blank",
        "blank_1",
        "../x",
        "blank-",
        "-blank",
        "blank--1",
        "a.png",
        "x-thumb"
      })
  void refusesASharedIdItDoesNotMake(String id) {
    assertThatThrownBy(() -> store.storeShared(id, bytes(10), bytes(10)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.open("shared-" + id + ".png")).isEmpty();
  }

  @Test
  void isWritableWhenAProbeCanBeStoredAndRemoved() {
    assertThat(store.isWritable()).isTrue();
    assertThat(store.isWritable()).isTrue();
  }

  @Test
  void isNotWritableWhenItsPlaceIsGone() throws Exception {
    try (ImageBackend broken = brokenBackend()) {
      ImageStore unwritable = new ImageStore(broken, stored, discarded);

      assertThat(unwritable.isWritable()).isFalse();
    }
  }

  @Test
  void cleanupAfterTheTransactionDoesNotThrowWhenTheBackendFails() throws Exception {
    try (ImageBackend broken = brokenBackend()) {
      ImageStore failing = new ImageStore(broken, stored, discarded);
      StoredImage image =
          new StoredImage(
              "0b9f4a8e-2c1d-4e5f-8a9b-0c1d2e3f4a5b.png",
              "0b9f4a8e-2c1d-4e5f-8a9b-0c1d2e3f4a5b-thumb.png");

      failing.removeIfRolledBack(image);
      failing.removeDiscarded(new Discarded(image));
    }
  }
}
