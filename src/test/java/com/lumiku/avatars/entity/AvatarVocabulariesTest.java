package com.lumiku.avatars.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.platform.problem.Choice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The closed vocabularies are written twice, as enums and as V12's domains and CHECK: the two lists
 * must stay the same, or the database refuses what the API accepts (or the other way round).
 */
class AvatarVocabulariesTest {

  private static final String MIGRATION = "/db/migration/V12__add_avatar_personas_and_presets.sql";

  @Test
  void everyDomainListsItsEnumsCodes() throws IOException {
    String sql = migration();
    Map<String, Class<? extends Enum<?>>> domains =
        Map.of(
            "CREATE DOMAIN avatar_gender", Gender.class,
            "CREATE DOMAIN avatar_age_range", AgeRange.class,
            "CREATE DOMAIN avatar_body_type", BodyType.class,
            "CREATE DOMAIN avatar_skin_tone", SkinTone.class,
            "CREATE DOMAIN avatar_style", AvatarStyle.class,
            "CHECK (source_type", SourceType.class);
    domains.forEach(
        (declaration, type) ->
            assertThat(listAfter(sql, declaration)).as(declaration).isEqualTo(codes(type)));
  }

  private static List<String> listAfter(String sql, String declaration) {
    int at = sql.indexOf(declaration);
    assertThat(at).as(declaration).isNotNegative();
    Matcher list = Pattern.compile("IN \\(([^)]*)\\)").matcher(sql);
    assertThat(list.find(at)).isTrue();
    return Arrays.stream(list.group(1).split(","))
        .map(code -> code.strip().replace("'", ""))
        .toList();
  }

  private static List<String> codes(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Choice::code).toList();
  }

  private static String migration() throws IOException {
    try (InputStream in = AvatarVocabulariesTest.class.getResourceAsStream(MIGRATION)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
