package com.lumiku.generations.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A native statement written with plain {@code ?} placeholders and its values in order, numbered
 * for EclipseLink ({@code ?1}, {@code ?2}, ...) as it is built.
 */
final class SqlStatement {

  private final StringBuilder sql = new StringBuilder();
  private final List<Object> values = new ArrayList<>();

  SqlStatement(String text, Object... values) {
    append(text, values);
  }

  /**
   * Appends text and the values of its placeholders.
   *
   * @throws IllegalArgumentException if the text has more or fewer placeholders than values
   */
  SqlStatement append(String text, Object... more) {
    int next = values.size();
    for (char c : text.toCharArray()) {
      sql.append(c);
      if (c == '?') {
        sql.append(++next);
      }
    }
    values.addAll(Arrays.asList(more));
    if (values.size() != next) {
      throw new IllegalArgumentException("Placeholders and values differ in: " + text);
    }
    return this;
  }

  String sql() {
    return sql.toString();
  }

  List<Object> values() {
    return Collections.unmodifiableList(values);
  }

  Query query(EntityManager em) {
    Query query = em.createNativeQuery(sql.toString());
    for (int i = 0; i < values.size(); i++) {
      query.setParameter(i + 1, values.get(i));
    }
    return query;
  }
}
