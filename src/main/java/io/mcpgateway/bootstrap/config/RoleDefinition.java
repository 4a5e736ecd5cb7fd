package io.mcpgateway.bootstrap.config;

import java.util.List;

/**
 * One RBAC role the bootstrap creates where absent: the reference's four ({@link #BUILT_IN}), or one
 * from the roles file. Two roles are the same role when name and scope are.
 *
 * @param description may be null
 * @param systemRole whether the gateway treats it as a system role (built-in ones are)
 */
public record RoleDefinition(String name, String description, String scope, List<String> permissions, boolean systemRole) {

  public static final String PLATFORM_ADMIN = "platform_admin";
  public static final String GLOBAL = "global";
  /** The scopes a role may have. */
  public static final List<String> SCOPES = List.of(GLOBAL, "team", "personal");

  /** The reference's four system roles, with its names, scopes and permissions. */
  public static final List<RoleDefinition> BUILT_IN = List.of(
      new RoleDefinition(PLATFORM_ADMIN, "Platform administrator with all permissions", GLOBAL, List.of("*"), true),
      new RoleDefinition("team_admin", "Team administrator with team management permissions", "team",
          List.of("teams.read", "teams.update", "teams.join", "teams.manage_members", "tools.read", "tools.execute",
              "resources.read", "prompts.read"), true),
      new RoleDefinition("developer", "Developer with tool and resource access", "team",
          List.of("teams.join", "tools.read", "tools.execute", "resources.read", "prompts.read"), true),
      new RoleDefinition("viewer", "Read-only access to resources", "team",
          List.of("teams.join", "tools.read", "resources.read", "prompts.read"), true));

  public RoleDefinition {
    permissions = List.copyOf(permissions);
  }

  /** Name and scope, the role's identity. */
  public String key() {
    return name + "/" + scope;
  }
}
