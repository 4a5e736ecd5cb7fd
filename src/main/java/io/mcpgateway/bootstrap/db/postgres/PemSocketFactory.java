package io.mcpgateway.bootstrap.db.postgres;

import io.mcpgateway.bootstrap.db.PemMaterial;
import io.mcpgateway.bootstrap.db.TlsFiles;
import io.mcpgateway.bootstrap.db.TlsFiles.PemFile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * pgjdbc's socket factory for sslmode verify-ca and verify-full ({@code sslfactory}): trusts the
 * {@code sslrootcert} PEM file alone and presents {@code sslcert}/{@code sslkey} when given, read
 * with the same code as the reactive client's. pgjdbc builds one per connection, passing the
 * connection's properties; it checks the host name itself for verify-full.
 */
public final class PemSocketFactory extends SSLSocketFactory {

  private final SSLSocketFactory delegate;

  public PemSocketFactory(Properties info) {
    PemMaterial material = PemMaterial.read(new TlsFiles(file(info, "sslrootcert"), file(info, "sslcert"), file(info, "sslkey")));
    this.delegate = material.sslContext(material.trustManager()).getSocketFactory();
  }

  private static PemFile file(Properties info, String parameter) {
    String value = info.getProperty(parameter);
    return value == null ? null : new PemFile(parameter, Path.of(value));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
    return delegate.createSocket(socket, host, port, autoClose);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return delegate.createSocket(host, port);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return delegate.createSocket(host, port, localHost, localPort);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return delegate.createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return delegate.createSocket(address, port, localAddress, localPort);
  }
}
