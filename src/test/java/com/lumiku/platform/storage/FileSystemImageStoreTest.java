package com.lumiku.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.platform.storage.ImageStore.StoredImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image store on the filesystem ({@code lumiku.storage.mode=filesystem}, the default). */
class FileSystemImageStoreTest extends ImageStoreContract {

  @TempDir Path data;

  @Override
  ImageBackend backend() {
    return ImageBackends.open("filesystem", data, key -> java.util.Optional.empty());
  }

  @Override
  ImageBackend brokenBackend() throws IOException {
    Path gone = data.resolve("gone");
    ImageBackend broken = new FileSystemBackend(gone);
    Files.delete(gone);
    return broken;
  }

  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(data.resolve("images"))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void keepsImagesAsFilesInTheImagesFolderOfTheDataFolder() throws IOException {
    StoredImage image = store.store(bytes(10), bytes(10));
    store.isWritable();

    assertThat(files()).containsExactlyInAnyOrder(image.image(), image.thumbnail());
    assertThat(Files.readAllBytes(data.resolve("images").resolve(image.image())))
        .isEqualTo(store.read(image.image()));
  }

  @Test
  void leavesNoPartialFileWhenAWriteFails() throws IOException {
    String name = "0b9f4a8e-2c1d-4e5f-8a9b-0c1d2e3f4a5b.png";
    // A folder in the way: the file cannot be moved into place.
    Files.createDirectories(data.resolve("images").resolve(name).resolve("in-the-way"));

    assertThatThrownBy(() -> backend.put(name, bytes(10))).isInstanceOf(UncheckedIOException.class);
    assertThat(files()).containsExactly(name);
  }
}
