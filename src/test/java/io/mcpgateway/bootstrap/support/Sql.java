package io.mcpgateway.bootstrap.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Blocking JDBC helpers for seeding and checking rows in tests. */
public final class Sql {

  private final TestDatabase database;

  public Sql(TestDatabase database) {
    this.database = database;
  }

  public int update(String sql, Object... params) throws Exception {
    try (Connection c = database.connect(); PreparedStatement s = prepare(c, sql, params)) {
      return s.executeUpdate();
    }
  }

  public long count(String sql, Object... params) throws Exception {
    Object value = single(sql, params);
    return ((Number) value).longValue();
  }

  public Object single(String sql, Object... params) throws Exception {
    List<Map<String, Object>> rows = rows(sql, params);
    if (rows.size() != 1) {
      throw new AssertionError("expected one row from " + sql + " but got " + rows.size());
    }
    return rows.get(0).values().iterator().next();
  }

  public Map<String, Object> row(String sql, Object... params) throws Exception {
    List<Map<String, Object>> rows = rows(sql, params);
    if (rows.size() != 1) {
      throw new AssertionError("expected one row from " + sql + " but got " + rows.size());
    }
    return rows.get(0);
  }

  /** Rows as column-name (lower case) to value maps, in result order. */
  public List<Map<String, Object>> rows(String sql, Object... params) throws Exception {
    try (Connection c = database.connect(); PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
      ResultSetMetaData meta = rs.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i).toLowerCase(), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** Runs a class-path SQL script, statement by statement (each ends with ';' at the end of a line). */
  public void script(String resource) throws Exception {
    String text;
    try (var in = Sql.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    try (Connection c = database.connect(); var statement = c.createStatement()) {
      for (String sql : text.split(";\\s*(\\R|$)")) {
        String body = sql.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
        if (!body.isEmpty()) {
          statement.execute(body);
        }
      }
    }
  }

  /** Reads a boolean column the way each driver returns it (boolean, tinyint or integer). */
  public static boolean truthy(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return value instanceof Number n && n.intValue() != 0;
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params) throws Exception {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      s.setObject(i + 1, params[i]);
    }
    return s;
  }
}
