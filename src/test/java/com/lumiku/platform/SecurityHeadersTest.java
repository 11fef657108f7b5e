package com.lumiku.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

  @Test
  void hashesInlineScriptsAsBrowsersDoAndSkipsScriptFiles() {
    // The CSP hash of "alert(1)" (sha256, base64), as browsers report it.
    assertThat(
            SecurityHeaders.inlineScriptHashes(
                "<script type=\"module\" src=\"/js/app.js\"></script><script>alert(1)</script>"))
        .containsExactly("sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=");
  }

  @Test
  void thePageHasExactlyOneInlineScriptTheImportMapAndThePolicyAllowsOnlyIt() throws Exception {
    String page = Files.readString(Path.of("src/main/webapp/index.html"));
    List<String> hashes = SecurityHeaders.inlineScriptHashes(page);
    assertThat(hashes).hasSize(1);
    String policy = SecurityHeaders.policy(hashes);
    assertThat(policy)
        .contains("script-src 'self' '" + hashes.get(0) + "';")
        .contains("frame-ancestors 'none'")
        .contains("style-src 'self';")
        .doesNotContain("unsafe");
    assertThat(page).doesNotContain("<style").doesNotContain(" style=").doesNotContain(" on");
  }
}
