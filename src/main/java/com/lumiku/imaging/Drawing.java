package com.lumiku.imaging;

import com.lumiku.platform.storage.ImageStore;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A picture a model drew, as a job keeps it: its PNG, its size and a thumbnail, stored together.
 *
 * <p>What a real model answers is decoded once, when its size or thumbnail is first needed, and
 * re-encoded only if it is not a PNG already. The no-op model's blank pictures ({@link #shared})
 * are made once per size, thumbnails included, and stored once under a fixed name that every job
 * drawing one refers to: a blank result costs no decoding, scaling, encoding or file, so that a
 * benchmark with it measures the platform (charge, queue, worker, rows), as a peer's no-op worker
 * does, and not image work that no model would cause.
 */
public final class Drawing {

  private final byte[] answer;
  private final String sharedId;
  private final Map<Integer, byte[]> thumbnails;
  private BufferedImage picture;
  private int width;
  private int height;

  private Drawing(byte[] answer, String sharedId, BufferedImage picture) {
    this.answer = answer;
    this.sharedId = sharedId;
    this.thumbnails = sharedId == null ? null : new ConcurrentHashMap<>();
    if (picture != null) {
      this.picture = picture;
      this.width = picture.getWidth();
      this.height = picture.getHeight();
    }
  }

  /** What a model answered (PNG, or another format Image I/O reads). */
  public static Drawing of(byte[] answer) {
    return new Drawing(answer, null, null);
  }

  /**
   * A picture that is the same for every request of its kind, stored once under {@code id} ({@code
   * [a-z0-9-]}) and shared by every job that drew it; its thumbnails are made once per size.
   */
  static Drawing shared(String id, BufferedImage picture) {
    return new Drawing(Png.encode(picture), id, picture);
  }

  /** The PNG to store. */
  public byte[] png() {
    return Png.isPng(answer) ? answer : Png.encode(picture());
  }

  public int width() {
    picture();
    return width;
  }

  public int height() {
    picture();
    return height;
  }

  /**
   * Stores the picture and its thumbnail ({@code thumbnailSize} pixels at most) for the caller's
   * transaction: under new names, removed again if it rolls back; a shared picture under its fixed
   * names, written the first time and never removed.
   */
  public ImageStore.StoredImage storeIn(ImageStore store, int thumbnailSize) {
    if (sharedId == null) {
      return store.store(png(), Png.thumbnail(picture(), thumbnailSize));
    }
    return store.storeShared(
        sharedId + "-" + thumbnailSize,
        answer,
        thumbnails.computeIfAbsent(thumbnailSize, size -> Png.thumbnail(picture, size)));
  }

  /**
   * The decoded picture.
   *
   * @throws IllegalArgumentException if the model's answer is not an image
   */
  private BufferedImage picture() {
    if (picture == null) {
      BufferedImage decoded = Png.decode(answer);
      width = decoded.getWidth();
      height = decoded.getHeight();
      picture = decoded;
    }
    return picture;
  }
}
