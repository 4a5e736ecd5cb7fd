package io.mcpgateway.bootstrap.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Valid URLs made hostile: one structural change (a huge or broken port, no host, no database, a
 * duplicated or unknown parameter, a bad percent-escape, a part repeated thousands of times)
 * and/or up to three edits of single characters or short spans anywhere in the text.
 */
public final class UrlMutations {

  /** A URL after its mutations, with the secret its password held before them (null when none). */
  public record Mutant(String text, String secret, GeneratedUrl original, List<String> mutations) {

    @Override
    public String toString() {
      String shown = text.length() > 300 ? text.substring(0, 300) + "...(" + text.length() + " characters)" : text;
      return mutations + " of " + original + " -> " + shown;
    }
  }

  /** A named change of a text. */
  private record Edit(String name, UnaryOperator<String> apply) {
  }

  /** A named change of a URL's pieces. */
  private record Change(String name, UnaryOperator<GeneratedUrl> apply) {
  }

  private UrlMutations() {
  }

  public static Arbitrary<Mutant> mutants() {
    return Combinators.combine(DatabaseUrlArbitraries.databaseUrls(), changes().injectNull(0.4), edits().list().ofMaxSize(3))
        .filter((url, change, edits) -> change != null || !edits.isEmpty())
        .as((url, change, edits) -> {
          GeneratedUrl changed = change == null ? url : change.apply().apply(url);
          String text = changed.text();
          List<String> names = new ArrayList<>();
          if (change != null) {
            names.add(change.name());
          }
          for (Edit edit : edits) {
            text = edit.apply().apply(text);
            names.add(edit.name());
          }
          return new Mutant(text, url.secret(), url, List.copyOf(names));
        });
  }

  private static Arbitrary<Change> changes() {
    Arbitrary<String> badPorts = Arbitraries.of("0", "65536", "99999999999999999999", "-1", "+80", "", " 5432", "54 32", "1e3",
        "0x50", "\u0665\u0664\u0663\u0662", ":", "5432:5432");
    Arbitrary<String> hostile = HostileArbitraries.hostileStrings();
    return Arbitraries.oneOf(
        badPorts.map(port -> new Change("port " + port, url -> url.withHostPort(url.hostOnly() + ":" + port))),
        Arbitraries.of("", ":5432", "[]", "[::1", "::1]:80", "@")
            .map(host -> new Change("host " + host, url -> url.withHostPort(host))),
        Arbitraries.of("", "/", "//", "/?").map(path -> new Change("path " + path, url -> url.withPath(path))),
        Arbitraries.of("", "postgresql:", "mysql:/", "sqlite://", "sqlite:", "jdbc:", "jdbc:sqlite", ":", "+://",
            "jdbc:postgresql+x://", "oracle://", "sqlite:////")
            .map(scheme -> new Change("scheme " + scheme, url -> url.withScheme(scheme))),
        Arbitraries.of("@", ":@", "::@", "@@", ":%@", "%zz:%zz@")
            .map(info -> new Change("user info " + info, url -> url.withUserInfo(info))),
        Combinators.combine(Arbitraries.of("sslmode", "ssl-mode", "password", "user", "sslrootcert", "ssl-ca", "sslkey", "charset"),
            hostile).as((name, value) -> new Change("again " + name, url -> url.withQuery(append(url.query(), name + "=" + value)))),
        Combinators.combine(hostile, hostile).as((name, value) -> new Change("unknown " + name,
            url -> url.withQuery(append(url.query(), name + "=" + value)))),
        Combinators.combine(HostileArbitraries.badPercentEscapes(), Arbitraries.integers().between(0, 2)).as((escape, where) ->
            new Change("escape " + escape, url -> switch (where) {
              case 0 -> url.withUserInfo(url.userInfo().isEmpty() ? "u" + escape + "@" : escape + url.userInfo());
              case 1 -> url.withPath(url.path() + escape);
              default -> url.withQuery(append(url.query(), "sslmode=" + escape));
            })),
        Combinators.combine(Arbitraries.integers().between(1_000, 5_000), Arbitraries.integers().between(0, 3)).as((times, what) ->
            new Change("long x" + times, url -> switch (what) {
              case 0 -> url.withPath(url.path() + "a".repeat(times * 10));
              case 1 -> url.withQuery(append(url.query(), String.join("&", Collections.nCopies(times, "sslmode=require"))));
              case 2 -> url.withUserInfo("u".repeat(times * 10) + ":" + url.userInfo());
              default -> url.withScheme(" ".repeat(times * 10) + url.scheme());
            })));
  }

  private static String append(String query, String pair) {
    return query.isEmpty() ? "?" + pair : query + "&" + pair;
  }

  private static Arbitrary<Edit> edits() {
    Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
    Arbitrary<String> inserted = Arbitraries.oneOf(HostileArbitraries.breakers(), Arbitraries.strings().alpha().ofLength(1));
    return Arbitraries.oneOf(
        Combinators.combine(where, inserted).as((at, text) -> new Edit("insert " + printable(text), url -> {
          int i = index(at, url.length() + 1);
          return url.substring(0, i) + text + url.substring(i);
        })),
        where.map(at -> new Edit("delete", url -> {
          if (url.isEmpty()) {
            return url;
          }
          int i = index(at, url.length());
          return url.substring(0, i) + url.substring(i + 1);
        })),
        Combinators.combine(where, inserted).as((at, text) -> new Edit("replace with " + printable(text), url -> {
          if (url.isEmpty()) {
            return text;
          }
          int i = index(at, url.length());
          return url.substring(0, i) + text + url.substring(i + 1);
        })),
        Combinators.combine(where, Arbitraries.integers().between(2, 8)).as((at, length) -> new Edit("delete " + length, url -> {
          int i = index(at, url.length() + 1);
          return url.substring(0, i) + url.substring(Math.min(url.length(), i + length));
        })));
  }

  private static int index(double at, int bound) {
    return Math.min(bound - 1, (int) (at * bound));
  }

  private static String printable(String text) {
    StringBuilder shown = new StringBuilder();
    text.chars().forEach(c -> shown.append(c < 0x20 || c >= 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return shown.toString();
  }
}
