package io.mcpgateway.bootstrap.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a Prometheus text exposition into series (name with labels, as printed) and values. */
public final class PrometheusText {

  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

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

  /**
   * The value of the one series called {@code name} whose labels include {@code labels}, whatever the
   * labels' order and whatever other labels it has (a Pushgateway adds job and instance); fails when
   * none or several match.
   */
  public static double value(Map<String, Double> series, String name, Map<String, String> labels) {
    List<String> matches = series.keySet().stream()
        .filter(key -> key.equals(name) || key.startsWith(name + "{"))
        .filter(key -> labels(key).entrySet().containsAll(labels.entrySet()))
        .toList();
    if (matches.size() != 1) {
      throw new AssertionError(matches.size() + " series " + name + " with " + labels + " in the scrape; "
          + name + " series were: " + series.keySet().stream().filter(key -> key.startsWith(name)).toList());
    }
    return series.get(matches.get(0));
  }

  /** The labels of a series as printed, {@code name{a="1",b="2"}}. */
  public static Map<String, String> labels(String seriesName) {
    Map<String, String> labels = new LinkedHashMap<>();
    int brace = seriesName.indexOf('{');
    if (brace >= 0) {
      Matcher label = LABEL.matcher(seriesName.substring(brace));
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
    }
    return labels;
  }
}
