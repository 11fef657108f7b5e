package com.lumiku.platform.storage;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where {@link ImageStore} keeps the bytes: a folder ({@link FileSystemBackend}) or an
 * S3-compatible bucket ({@link S3Backend}), chosen once at start ({@link ImageBackends}). A backend
 * knows nothing of names, transactions or cleanup: the store checks the names and removes what a
 * rolled-back transaction wrote, the same way for every backend.
 */
interface ImageBackend extends AutoCloseable {

  /** Stores the content under the name, replacing nothing half-way: readers see all or nothing. */
  void put(String name, byte[] content);

  /** The content stored under the name, to be closed by the caller; empty when there is none. */
  Optional<InputStream> get(String name);

  /** Removes what is stored under the name; nothing happens when there is nothing. */
  void delete(String name);

  /** Whether something can be stored now: a small object written and removed again. */
  boolean probe();

  /** Releases connections; the backend is not used afterwards. */
  @Override
  void close();
}
