package io.mcpgateway.bootstrap.support.tls;

/** A private database server that accepts only TLS connections, for one test class. */
public interface TlsServer extends AutoCloseable {

  /** The password of the users {@code app} and {@code certuser}: the tests look for it in every output. */
  String PASSWORD = "Tls-s3cret-9f2K";

  /** The kind in DATABASE_URL: postgresql or mysql. */
  String kind();

  int port();

  /** The database {@code app} owns. */
  String appDatabase();

  /** The database {@code certuser} owns (it logs in with a client certificate). */
  String certDatabase();

  /** Presents another certificate of the test PKI from now on ("otherhost", back to "server"). */
  void present(String certificate) throws Exception;

  /** Whether the server's log shows that {@code user} got past authentication since the mark. */
  boolean authenticated(String user, long logMark) throws Exception;

  /** The log's length now, for {@link #authenticated}. */
  long logMark() throws Exception;
}
