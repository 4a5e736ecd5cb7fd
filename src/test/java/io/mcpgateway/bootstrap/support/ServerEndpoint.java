package io.mcpgateway.bootstrap.support;

import io.mcpgateway.bootstrap.db.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;

/** An administrative connection target on a server: where test databases are created and dropped. */
record ServerEndpoint(DatabaseUrl url) {

  void execute(String ddl) throws Exception {
    Properties props = new Properties();
    props.setProperty("user", url.user());
    if (url.password() != null) {
      props.setProperty("password", url.password());
    }
    try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), props);
         Statement statement = connection.createStatement()) {
      statement.execute(ddl);
    }
  }
}
