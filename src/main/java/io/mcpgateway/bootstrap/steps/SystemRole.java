package io.mcpgateway.bootstrap.steps;

import java.util.List;

/**
 * A built-in RBAC role: the four of the reference, with the same names, scopes and permissions.
 */
record SystemRole(String name, String description, String scope, List<String> permissions) {

  static final String PLATFORM_ADMIN = "platform_admin";
  static final String GLOBAL = "global";

  static final List<SystemRole> DEFAULTS = List.of(
      new SystemRole(PLATFORM_ADMIN, "Platform administrator with all permissions", GLOBAL, List.of("*")),
      new SystemRole("team_admin", "Team administrator with team management permissions", "team",
          List.of("teams.read", "teams.update", "teams.join", "teams.manage_members", "tools.read", "tools.execute",
              "resources.read", "prompts.read")),
      new SystemRole("developer", "Developer with tool and resource access", "team",
          List.of("teams.join", "tools.read", "tools.execute", "resources.read", "prompts.read")),
      new SystemRole("viewer", "Read-only access to resources", "team",
          List.of("teams.join", "tools.read", "resources.read", "prompts.read")));

  String key() {
    return name + "/" + scope;
  }
}
