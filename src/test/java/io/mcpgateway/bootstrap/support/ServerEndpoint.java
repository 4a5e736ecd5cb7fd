package io.mcpgateway.bootstrap.support;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** An administrative connection target on a server: where test databases are created and dropped. */
public record ServerEndpoint(DatabaseUrl url) {

  public void execute(String ddl) throws Exception {
    try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.jdbcConnectionProperties());
         Statement statement = connection.createStatement()) {
      statement.execute(ddl);
    }
  }
}
