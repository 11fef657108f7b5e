package com.lumiku.poses.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Pose Generator's SQL built from parts (filters, keyset conditions, the columns an edit changes):
 * {@code ?} placeholders numbered for EclipseLink and values bound in order. Values are always
 * bound, never written into the SQL; a column set to null is written {@code NULL}, because a bound
 * null has no type PostgreSQL can infer everywhere.
 */
final class NativeSql {

  private NativeSql() {}

  /** A query of {@code sql} (with plain {@code ?} placeholders) with {@code values} bound. */
  static Query query(EntityManager em, String sql, List<Object> values) {
    Query query = em.createNativeQuery(numbered(sql));
    for (int i = 0; i < values.size(); i++) {
      query.setParameter(i + 1, values.get(i));
    }
    return query;
  }

  /** {@code ?} placeholders numbered for EclipseLink. */
  static String numbered(String sql) {
    StringBuilder numbered = new StringBuilder();
    int next = 0;
    for (char c : sql.toCharArray()) {
      numbered.append(c);
      if (c == '?') {
        numbered.append(++next);
      }
    }
    return numbered.toString();
  }

  /**
   * The columns a statement writes and their values: a null value leaves its column out (an insert
   * gives it its default, an update leaves it as it is), {@code ""} writes {@code NULL}.
   */
  static final class Columns {

    private final List<String> names = new ArrayList<>();
    private final List<String> placeholders = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** The column gets the value (see the class comment). */
    Columns put(String column, Object value) {
      return put(column, value, null);
    }

    /** The column gets the value, cast to {@code type} (e.g. {@code jsonb}) in the statement. */
    Columns put(String column, Object value, String type) {
      if (value == null) {
        return this;
      }
      names.add(column);
      if ("".equals(value)) {
        placeholders.add("NULL");
      } else {
        placeholders.add(type == null ? "?" : "CAST(? AS " + type + ")");
        values.add(value);
      }
      return this;
    }

    boolean isEmpty() {
      return names.isEmpty();
    }

    /** The columns written, for a log message. */
    List<String> names() {
      return List.copyOf(names);
    }

    /** The values bound, in the order of their placeholders. */
    List<Object> values() {
      return List.copyOf(values);
    }

    /** Inserts the columns into {@code table}. */
    int insertInto(EntityManager em, String table) {
      return query(em, insertSql(table), values).executeUpdate();
    }

    /**
     * Updates the columns of the row of {@code table} with this id, if it also meets {@code
     * condition} (SQL with {@code ?} placeholders for {@code conditionValues}; empty for none).
     *
     * @return the number of rows changed: 0 or 1
     */
    int update(
        EntityManager em, String table, UUID id, String condition, Object... conditionValues) {
      List<Object> all = new ArrayList<>(values);
      all.add(id);
      all.addAll(List.of(conditionValues));
      return query(em, updateSql(table, condition), all).executeUpdate();
    }

    /** {@code INSERT INTO table (columns) VALUES (placeholders)}. */
    String insertSql(String table) {
      return "INSERT INTO "
          + table
          + " ("
          + String.join(", ", names)
          + ") VALUES ("
          + String.join(", ", placeholders)
          + ")";
    }

    /** {@code UPDATE table SET column = placeholder, ... WHERE id = ?} and the condition. */
    String updateSql(String table, String condition) {
      StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
      for (int i = 0; i < names.size(); i++) {
        sql.append(i == 0 ? "" : ", ")
            .append(names.get(i))
            .append(" = ")
            .append(placeholders.get(i));
      }
      return sql.append(" WHERE id = ?").append(condition).toString();
    }
  }
}
