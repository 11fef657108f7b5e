package com.lumiku.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Activation settings come from system properties, then the environment, then the default. */
class ActivationSettingsTest {

  @Test
  void aSystemPropertyWinsAndBlankCountsAsUnset() {
    String key = "lumiku.test.activation-" + System.nanoTime();
    assertThat(ActivationSettings.value(key, "fallback")).isEqualTo("fallback");
    System.setProperty(key, " generations.other ");
    try {
      assertThat(ActivationSettings.value(key, "fallback")).isEqualTo("generations.other");
      System.setProperty(key, "  ");
      assertThat(ActivationSettings.value(key)).isEmpty();
    } finally {
      System.clearProperty(key);
    }
  }

  @Test
  void theEnvironmentIsReadUnderMicroProfilesName() {
    // PATH is set in every environment this runs in; "path" maps to it as MicroProfile maps keys.
    assertThat(ActivationSettings.value("path")).contains(System.getenv("PATH").strip());
  }
}
