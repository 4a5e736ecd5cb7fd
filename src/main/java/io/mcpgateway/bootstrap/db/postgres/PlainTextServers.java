package io.mcpgateway.bootstrap.db.postgres;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The servers that answered a {@code prefer} connection of this process without TLS. The client
 * asks for TLS first and, told no, opens a second connection in plain text: every connection
 * cost two. Remembered, a later connection to the same server asks no more and opens one. prefer
 * promises no encryption, so nothing is weakened; a server that starts offering TLS later is asked
 * again once the process restarts (as a connection pool's connections stay as they were opened).
 */
final class PlainTextServers {

  private static final Set<String> ANSWERED_NO = ConcurrentHashMap.newKeySet();

  private PlainTextServers() {
  }

  static boolean answeredNo(DatabaseUrl url) {
    return ANSWERED_NO.contains(url.hostAndPort());
  }

  static void rememberNo(DatabaseUrl url) {
    ANSWERED_NO.add(url.hostAndPort());
  }
}
