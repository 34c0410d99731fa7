/**
 * Workspace roles that administer a workspace. Clockify names the owner and admins these ways in the `workspaceRole`
 * claim and its role enums (PLATFORM.md §3.3); any other role (team or project manager, plain user) is not an admin.
 */
export const WORKSPACE_ADMIN_ROLES: ReadonlySet<string> = new Set(['OWNER', 'ADMIN', 'WORKSPACE_ADMIN']);

/** True when a user token's `workspaceRole` administers the workspace; false when the claim is absent. */
export function isWorkspaceAdmin(workspaceRole: string | undefined): boolean {
  return workspaceRole !== undefined && WORKSPACE_ADMIN_ROLES.has(workspaceRole);
}
