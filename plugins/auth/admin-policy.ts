import type { PolicyFactory } from '../../runtime/index.js';
import { HttpError } from '../../runtime/index.js';
import type { AuthKit } from './auth-kit.js';
import { checkUserToken } from './user-policy.js';

/** Roles that administer a workspace; Clockify's role enums name the owner and admins these ways. */
export const ADMIN_ROLES: ReadonlySet<string> = new Set(['OWNER', 'ADMIN', 'WORKSPACE_ADMIN']);

/** Admin actions (settings, explorer writes): the user policy's checks, and the viewer administers the workspace. */
export function createAdminPolicy(kit: AuthKit): PolicyFactory {
  return (route) =>
    async function adminPolicy(c, next) {
      const claims = await kit.admission.admit(c, 'admin', route, async (verify) => {
        const user = await checkUserToken(c, kit, verify);
        if (!user.workspaceRole || !ADMIN_ROLES.has(user.workspaceRole)) {
          throw new HttpError(403, 'ADMIN_REQUIRED', 'only workspace owners and admins may do this');
        }
        return user;
      });
      c.set('clockify', claims);
      await next();
    };
}
