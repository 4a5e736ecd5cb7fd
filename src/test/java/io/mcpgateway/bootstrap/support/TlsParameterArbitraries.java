package io.mcpgateway.bootstrap.support;

import io.mcpgateway.bootstrap.db.postgres.PemSocketFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Each vendor's TLS parameters with every value they accept, and what each combination means for
 * the JDBC driver (which {@code DatabaseUrl.jdbcProperties} states): libpq's for PostgreSQL, the
 * mysql client's (in each spelling) for MySQL/MariaDB.
 */
final class TlsParameterArbitraries {

  private static final String MYSQL_TLS_PLUGIN = "db-bootstrap-agent-pem"; // PemTlsSocketPlugin.TYPE

  /** A query parameter: the name as the parser keys it (written in any case) and its decoded value. */
  record Param(String key, String value) {
  }

  /** TLS parameters and the JDBC properties they mean. */
  record Tls(List<Param> params, Map<String, String> jdbc) {
  }

  private TlsParameterArbitraries() {
  }

  static Arbitrary<Tls> postgresTls() {
    Arbitrary<Tls> unverified = Combinators.combine(Arbitraries.of("disable", "allow", "prefer", "require"), caseSeeds())
        .as((mode, caseSeed) -> new Tls(List.of(new Param("sslmode", UrlSpelling.anyCase(mode, new Random(caseSeed)))),
            Map.of("sslmode", mode.equals("allow") ? "prefer" : mode)));
    Arbitrary<Tls> verified = Combinators.combine(Arbitraries.of("verify-ca", "verify-full", "require"), caseSeeds(),
        paths(), paths(), paths(), Arbitraries.of(false, true)).as((mode, caseSeed, ca, cert, key, client) -> {
          List<Param> params = new ArrayList<>(List.of(new Param("sslmode", UrlSpelling.anyCase(mode, new Random(caseSeed))),
              new Param("sslrootcert", ca)));
          Map<String, String> jdbc = new LinkedHashMap<>();
          jdbc.put("sslmode", mode.equals("require") ? "verify-ca" : mode); // a CA turns require into verify-ca, as in libpq
          jdbc.put("sslfactory", PemSocketFactory.class.getName());
          jdbc.put("sslrootcert", ca);
          if (client) {
            params.add(new Param("sslcert", cert));
            params.add(new Param("sslkey", key));
            jdbc.put("sslcert", cert);
            jdbc.put("sslkey", key);
          }
          return new Tls(params, jdbc);
        });
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(new Tls(List.of(), Map.of("sslmode", "prefer")))),
        Tuple.of(2, unverified), Tuple.of(2, verified));
  }

  static Arbitrary<Tls> mysqlTls() {
    Arbitrary<String> modeNames = Arbitraries.of("ssl-mode", "ssl_mode", "sslmode");
    Arbitrary<Tls> unverified = Combinators.combine(modeNames, Arbitraries.of("disabled", "disable", "preferred", "prefer",
        "required", "require"), caseSeeds()).as((name, mode, caseSeed) -> new Tls(
            List.of(new Param(name, UrlSpelling.anyCase(mode, new Random(caseSeed)))),
            Map.of("sslMode", mode.startsWith("require") ? "trust" : "disable")));
    Arbitrary<Tls> verified = Combinators.combine(modeNames, Arbitraries.of("verify_ca", "verify-ca", "verify_identity",
            "verify-identity", "required"), caseSeeds(), paths(), paths(), paths(), Arbitraries.of(false, true),
        Arbitraries.of("-", "_")).as((name, mode, caseSeed, ca, cert, key, client, joiner) -> {
          List<Param> params = new ArrayList<>(List.of(new Param(name, UrlSpelling.anyCase(mode, new Random(caseSeed))),
              new Param("ssl" + joiner + "ca", ca)));
          Map<String, String> jdbc = new LinkedHashMap<>();
          jdbc.put("sslMode", mode.contains("identity") ? "verify-full" : "verify-ca"); // a CA turns REQUIRED into VERIFY_CA
          jdbc.put("tlsSocketType", MYSQL_TLS_PLUGIN);
          jdbc.put("serverSslCert", ca);
          if (client) {
            params.add(new Param("ssl" + joiner + "cert", cert));
            params.add(new Param("ssl" + joiner + "key", key));
            jdbc.put("agentSslCert", cert);
            jdbc.put("agentSslKey", key);
          }
          return new Tls(params, jdbc);
        });
    Arbitrary<Tls> tls = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(new Tls(List.of(), Map.of("sslMode", "disable")))),
        Tuple.of(2, unverified), Tuple.of(2, verified));
    // charset is accepted and ignored: the clients always speak utf8mb4
    return Combinators.combine(tls, Arbitraries.of("", "utf8mb4", "utf8", "latin1")).as((chosen, charset) -> {
      if (charset.isEmpty()) {
        return chosen;
      }
      List<Param> params = new ArrayList<>(chosen.params());
      params.add(new Param("charset", charset));
      return new Tls(params, chosen.jdbc());
    });
  }

  private static Arbitrary<String> paths() {
    return DatabaseUrlArbitraries.pemPaths();
  }

  /** Seeds for the random case of a name. */
  private static Arbitrary<Long> caseSeeds() {
    return Arbitraries.longs();
  }
}
