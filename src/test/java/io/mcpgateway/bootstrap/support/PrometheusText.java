package io.mcpgateway.bootstrap.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a Prometheus text exposition into series (name with labels, as printed) and values. */
public final class PrometheusText {

  private PrometheusText() {
  }

  public static Map<String, Double> parse(String exposition) {
    Map<String, Double> series = new LinkedHashMap<>();
    for (String line : exposition.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return series;
  }

  /** The value of one series; fails when it is absent. */
  public static double value(Map<String, Double> series, String name) {
    Double value = series.get(name);
    if (value == null) {
      throw new AssertionError("no series " + name + " in the scrape; db_bootstrap series were: "
          + series.keySet().stream().filter(s -> s.startsWith("db_bootstrap")).toList());
    }
    return value;
  }
}
