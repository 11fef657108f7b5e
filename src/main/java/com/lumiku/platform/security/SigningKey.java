package com.lumiku.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The RSA key that signs Lumiku's tokens, and the public half MicroProfile JWT verifies them with.
 *
 * <p>Where the key comes from, first match wins: the PEM text in {@code LUMIKU_AUTH_SIGNING_KEY}
 * (system property {@code lumiku.auth.signing-key}); the PEM file named by {@code
 * LUMIKU_AUTH_SIGNING_KEY_FILE} ({@code lumiku.auth.signing-key-file}); otherwise {@code
 * keys/token-signing-key.pem} in the data folder ({@code LUMIKU_DATA_DIR}, default {@code data}),
 * generated on first start. Every instance of a deployment must share the key. These settings are
 * read from the environment and system properties directly, because the key is needed while
 * MicroProfile Config itself is being assembled (see {@link TokenVerificationConfig}).
 */
public final class SigningKey {

  private static final Logger LOG = Logger.getLogger(SigningKey.class.getName());
  private static volatile KeyPair current;

  private SigningKey() {}

  /** The key pair of this process, loaded (or made) once. */
  public static KeyPair current() {
    KeyPair pair = current;
    if (pair == null) {
      synchronized (SigningKey.class) {
        pair = current;
        if (pair == null) {
          pair = load();
          current = pair;
        }
      }
    }
    return pair;
  }

  /** The public key as PEM, for {@code mp.jwt.verify.publickey}. */
  public static String publicKeyPem() {
    return pem("PUBLIC KEY", current().getPublic().getEncoded());
  }

  private static KeyPair load() {
    String inline = setting("lumiku.auth.signing-key", "LUMIKU_AUTH_SIGNING_KEY", null);
    if (inline != null && !inline.isBlank()) {
      return fromPem(inline);
    }
    String dataDir = setting("lumiku.data.dir", "LUMIKU_DATA_DIR", "data");
    Path file =
        Path.of(
            setting(
                "lumiku.auth.signing-key-file",
                "LUMIKU_AUTH_SIGNING_KEY_FILE",
                Path.of(dataDir, "keys", "token-signing-key.pem").toString()));
    try {
      if (Files.exists(file)) {
        return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
      }
      return generate(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the token signing key " + file, e);
    }
  }

  private static KeyPair generate(Path file) throws IOException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), "signing-key", ".tmp");
      Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(
          partial, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
      // A hard link, not a rename: it fails if the file exists, where a rename would replace a key
      // another instance, starting at the same moment on the same data folder, already signs with.
      try {
        Files.createLink(file, partial);
      } catch (FileAlreadyExistsException raced) {
        return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
      } finally {
        Files.deleteIfExists(partial);
      }
      LOG.info(() -> "Generated a new token signing key in " + file.toAbsolutePath());
      return pair;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot generate an RSA key", e);
    }
  }

  static KeyPair fromPem(String pem) {
    String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateCrtKey privateKey =
          (RSAPrivateCrtKey)
              rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      RSAPublicKey publicKey =
          (RSAPublicKey)
              rsa.generatePublic(
                  new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
      return new KeyPair(publicKey, privateKey);
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException(
          "The token signing key is not an unencrypted PKCS#8 RSA key in PEM", e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  static String setting(String property, String environment, String fallback) {
    String value = System.getProperty(property);
    if (value == null) {
      value = System.getenv(environment);
    }
    return value == null ? fallback : value;
  }
}
