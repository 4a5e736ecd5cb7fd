package io.mcpgateway.bootstrap.support;

import io.mcpgateway.bootstrap.support.TlsParameterArbitraries.Param;
import io.mcpgateway.bootstrap.support.TlsParameterArbitraries.Tls;
import io.mcpgateway.bootstrap.support.GeneratedUrl.Meaning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Valid {@code DATABASE_URL}s in every form the parser accepts, each with what it means: every
 * scheme alias, with and without user and password (in the user info or the query), percent-encoded
 * or not where either is allowed, host names, IPv4 and IPv6 literals, ports, every TLS parameter
 * with its values, SQLite's relative, absolute and JDBC paths. The password always holds a
 * distinctive secret, kept unencoded so that a leak of the raw text shows as plainly as one of
 * the decoded value.
 */
public final class DatabaseUrlArbitraries {

  private static final String OS_USER = System.getProperty("user.name");
  private static final String ALNUM = UrlSpelling.ALNUM;
  /** Characters a user, a password or a database name may hold: each is written encoded where it must be. */
  private static final String NAME_CHARS = ALNUM + "._-~!$*'()+,;=:@/?&#%[] \u00e9\u20ac";
  private static final String PATH_CHARS = ALNUM + "._-~!$'()+,;=@&#% ?\u00e9\u20ac";

  private DatabaseUrlArbitraries() {
  }

  /** Any vendor's URL. */
  public static Arbitrary<GeneratedUrl> databaseUrls() {
    return Arbitraries.frequencyOf(Tuple.of(2, postgresUrls()), Tuple.of(2, mysqlUrls()), Tuple.of(1, sqliteUrls()));
  }

  /** A PostgreSQL or MySQL/MariaDB URL: one with a password (its secret) or without. */
  public static Arbitrary<GeneratedUrl> serverUrls() {
    return Arbitraries.oneOf(postgresUrls(), mysqlUrls());
  }

  public static Arbitrary<GeneratedUrl> postgresUrls() {
    return serverUrls("postgresql", 5432, Arbitraries.oneOf(Arbitraries.of("postgresql://", "postgres://", "jdbc:postgresql://"),
        driverSchemes("postgresql", "postgres")), TlsParameterArbitraries.postgresTls());
  }

  public static Arbitrary<GeneratedUrl> mysqlUrls() {
    return serverUrls("mysql", 3306, Arbitraries.oneOf(Arbitraries.of("mysql://", "mariadb://", "jdbc:mysql://", "jdbc:mariadb://"),
        driverSchemes("mysql", "mariadb")), TlsParameterArbitraries.mysqlTls());
  }

  /** SQLAlchemy's {@code scheme+driver://}. */
  private static Arbitrary<String> driverSchemes(String... bases) {
    return Combinators.combine(Arbitraries.of(bases), Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789_")
        .ofMinLength(1).ofMaxLength(10)).as((base, driver) -> base + "+" + driver + "://");
  }

  private enum Credentials { NONE, USER, EMPTY_USER, USER_PASSWORD, PASSWORD_ONLY, QUERY, USER_AND_QUERY_PASSWORD }

  private static Arbitrary<GeneratedUrl> serverUrls(String vendor, int defaultPort, Arbitrary<String> schemes, Arbitrary<Tls> tls) {
    Arbitrary<String> names = Arbitraries.strings().withChars(NAME_CHARS).ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> passwordEnds = Arbitraries.strings().withChars(NAME_CHARS).ofMaxLength(4);
    Arbitrary<Integer> ports = Arbitraries.integers().between(1, 65535).injectNull(0.3);
    Arbitrary<Tuple.Tuple3<String, String, String>> passwords = Combinators.combine(passwordEnds, HostileArbitraries.secrets(),
        passwordEnds).as(Tuple::of);
    Arbitrary<Tuple.Tuple2<Tls, Long>> tlsAndSeeds = Combinators.combine(tls, Arbitraries.longs()).as(Tuple::of);
    return Combinators.combine(schemes, Arbitraries.of(Credentials.class), names, passwords, hosts(), ports, names, tlsAndSeeds)
        .as((scheme, credentials, user, password, host, port, database, tlsAndSeed) -> {
          Tls chosenTls = tlsAndSeed.get1();
          Random random = new Random(tlsAndSeed.get2());
          String encodedPassword = UrlSpelling.encode(password.get1(), random) + password.get2()
              + UrlSpelling.encode(password.get3(), random);
          String plainPassword = password.get1() + password.get2() + password.get3();
          List<Param> params = new ArrayList<>(chosenTls.params());
          String userInfo = switch (credentials) {
            case NONE -> "";
            case USER, USER_AND_QUERY_PASSWORD -> UrlSpelling.encode(user, random) + "@";
            case EMPTY_USER -> "@";
            case USER_PASSWORD -> UrlSpelling.encode(user, random) + ":" + encodedPassword + "@";
            case PASSWORD_ONLY -> ":" + encodedPassword + "@";
            case QUERY -> "";
          };
          boolean withPassword = switch (credentials) {
            case USER_PASSWORD, PASSWORD_ONLY, QUERY, USER_AND_QUERY_PASSWORD -> true;
            default -> false;
          };
          Map<String, String> parameters = new LinkedHashMap<>();
          params.forEach(param -> parameters.put(param.key(), param.value()));
          List<String> pairs = new ArrayList<>();
          params.forEach(param -> pairs.add(UrlSpelling.anyCase(param.key(), random) + "="
              + UrlSpelling.encode(param.value(), random)));
          if (credentials == Credentials.QUERY) {
            pairs.add(UrlSpelling.anyCase("user", random) + "=" + UrlSpelling.encode(user, random));
          }
          if (withPassword && (credentials == Credentials.QUERY || credentials == Credentials.USER_AND_QUERY_PASSWORD)) {
            pairs.add(UrlSpelling.anyCase("password", random) + "=" + encodedPassword);
          }
          Collections.shuffle(pairs, random);
          String hostPort = (host.contains(":") ? "[" + host + "]" : host)
              + (port == null ? "" : ":" + "0".repeat(random.nextInt(3)) + port);
          boolean namesUser = credentials != Credentials.NONE && credentials != Credentials.EMPTY_USER
              && credentials != Credentials.PASSWORD_ONLY;
          Meaning meaning = new Meaning(vendor, host, port == null ? defaultPort : port, database, namesUser ? user : OS_USER,
              withPassword ? plainPassword : null, null, parameters, chosenTls.jdbc());
          return new GeneratedUrl(UrlSpelling.anyCase(scheme, random), userInfo, hostPort, "/" + UrlSpelling.encode(database, random),
              query(pairs, random), withPassword ? password.get2() : null, meaning);
        });
  }

  /** {@code ?a=1&b=2}, with the empty pairs and trailing separators the parser skips. */
  private static String query(List<String> pairs, Random random) {
    if (pairs.isEmpty()) {
      return random.nextInt(4) == 0 ? "?" : "";
    }
    String separator = random.nextInt(4) == 0 ? "&&" : "&";
    return "?" + String.join(separator, pairs) + (random.nextInt(4) == 0 ? "&" : "");
  }

  private static Arbitrary<String> hosts() {
    Arbitrary<String> label = Arbitraries.strings().withChars(ALNUM + "-").ofMinLength(1).ofMaxLength(10);
    Arbitrary<String> names = label.list().ofMinSize(1).ofMaxSize(3).map(labels -> String.join(".", labels));
    Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
    Arbitrary<String> ipv4 = octet.list().ofSize(4).map(octets -> String.join(".", octets.stream().map(String::valueOf).toList()));
    Arbitrary<String> group = Arbitraries.integers().between(0, 0xffff).map(Integer::toHexString);
    Arbitrary<String> ipv6 = Arbitraries.oneOf(
        group.list().ofSize(8).map(groups -> String.join(":", groups)),
        Combinators.combine(group.list().ofMaxSize(3), group.list().ofMaxSize(3))
            .as((head, tail) -> String.join(":", head) + "::" + String.join(":", tail)),
        ipv4.map(v4 -> "::ffff:" + v4));
    return Arbitraries.frequencyOf(Tuple.of(3, names), Tuple.of(1, ipv4), Tuple.of(1, ipv6),
        Tuple.of(1, Arbitraries.just("localhost")));
  }

  /** An absolute path of plain segments: its text is what {@code Path.of} makes of it. */
  public static Arbitrary<String> pemPaths() {
    return pathSegments().list().ofMinSize(1).ofMaxSize(3).map(segments -> "/" + String.join("/", segments));
  }

  private static Arbitrary<String> pathSegments() {
    return Arbitraries.strings().withChars(PATH_CHARS).ofMinLength(1).ofMaxLength(10);
  }

  public static Arbitrary<GeneratedUrl> sqliteUrls() {
    Arbitrary<List<String>> segments = pathSegments().list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<String> forms = Arbitraries.of("sqlite:///", "sqlite:////", "sqlite+pysqlite:///", "jdbc:sqlite:", "jdbc:sqlite:/");
    return Combinators.combine(forms, segments, Arbitraries.of("", "?mode=ro", "?cache=shared&mode=rwc"), Arbitraries.longs())
        .as((form, parts, ignoredQuery, seed) -> {
          Random random = new Random(seed);
          boolean absolute = form.endsWith("////") || form.endsWith(":/");
          String scheme = form.endsWith("////") || form.endsWith(":/") ? form.substring(0, form.length() - 1) : form;
          String written = (absolute ? "/" : "")
              + String.join("/", parts.stream().map(part -> UrlSpelling.encode(part, random)).toList());
          Path file = Path.of((absolute ? "/" : "") + String.join("/", parts));
          Meaning meaning = new Meaning("sqlite", null, 0, null, null, null, file, Map.of(), Map.of());
          return new GeneratedUrl(UrlSpelling.anyCase(scheme, random), "", "", written, ignoredQuery, null, meaning);
        });
  }
}
