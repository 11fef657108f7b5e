package com.lumiku.avatars.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.avatars.entity.AvatarPreset;
import com.lumiku.avatars.entity.PersonaExample;
import com.lumiku.platform.JsonDocuments;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The catalogue V12 ships keeps the rules operators' edits keep: each preset and persona example
 * read from the migration's rows passes {@link PresetEdit} and {@link PersonaExampleEdit} as it is,
 * and each preset gives the model a prompt that fits.
 */
class SeededCatalogueTest {

  private static final String MIGRATION = "/db/migration/V12__add_avatar_personas_and_presets.sql";

  /** A row of VALUES: {@code (v, v, ...)} with quoted texts, numbers, NULL and now(). */
  private static final Pattern ROW = Pattern.compile("^\\s*\\((.*)\\)[,;]\\s*$", Pattern.MULTILINE);

  private static final Pattern VALUE = Pattern.compile("'((?:[^']|'')*)'|NULL|now\\(\\)|\\d+");

  @Test
  void everyPresetIsOrderableAsItIs() throws IOException {
    List<List<String>> rows = rows("INSERT INTO avatar_presets");
    assertThat(rows).hasSizeGreaterThanOrEqualTo(20);
    Set<String> categories = new HashSet<>();
    for (List<String> row : rows) {
      AvatarPreset.Content preset =
          new PresetEdit(
                  row.get(1),
                  row.get(2),
                  row.get(3),
                  row.get(4),
                  persona(row, 5),
                  attributes(row, 9),
                  true)
              .checked(null);
      String prompt = PromptBuilder.build(preset.persona(), preset.attributes(), preset.prompt());
      assertThat(prompt).as(preset.name()).hasSizeLessThanOrEqualTo(PromptBuilder.MAX_LENGTH);
      assertThat(preset.attributes().isEmpty()).as(preset.name()).isFalse();
      categories.add(preset.category());
    }
    assertThat(categories).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void everyPersonaExampleKeepsTheRules() throws IOException {
    List<List<String>> rows = rows("INSERT INTO avatar_persona_examples");
    assertThat(rows).hasSizeGreaterThanOrEqualTo(12);
    for (List<String> row : rows) {
      PersonaExample.Content example =
          new PersonaExampleEdit(
                  row.get(1),
                  Integer.valueOf(row.get(2)),
                  row.get(3),
                  persona(row, 4),
                  attributes(row, 8))
              .checked(null, category -> 1);
      assertThat(example.persona().describesSomeone()).as(example.name()).isTrue();
    }
  }

  private static PersonaFields persona(List<String> row, int from) {
    String traits = row.get(from + 2);
    return new PersonaFields(
        row.get(from),
        row.get(from + 1) == null ? null : Integer.valueOf(row.get(from + 1)),
        traits == null
            ? null
            : JsonDocuments.parseArray(traits).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList(),
        row.get(from + 3));
  }

  private static AttributeFields attributes(List<String> row, int from) {
    return new AttributeFields(
        row.get(from),
        row.get(from + 1),
        row.get(from + 2),
        row.get(from + 3),
        row.get(from + 4),
        row.get(from + 5),
        row.get(from + 6),
        row.get(from + 7),
        row.get(from + 8));
  }

  /**
   * The rows of the INSERT that starts with {@code statement}, each value unquoted (null: NULL).
   */
  private static List<List<String>> rows(String statement) throws IOException {
    String sql = migration();
    int start = sql.indexOf(statement);
    int end = sql.indexOf(";\n", start);
    List<List<String>> rows = new ArrayList<>();
    Matcher row = ROW.matcher(sql.substring(start, end + 1));
    while (row.find()) {
      List<String> values = new ArrayList<>();
      Matcher value = VALUE.matcher(row.group(1));
      while (value.find()) {
        String token = value.group();
        values.add(
            token.equals("NULL")
                ? null
                : value.group(1) != null ? value.group(1).replace("''", "'") : token);
      }
      rows.add(values);
    }
    return rows;
  }

  private static String migration() throws IOException {
    try (InputStream in = SeededCatalogueTest.class.getResourceAsStream(MIGRATION)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
