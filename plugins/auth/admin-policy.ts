import type { PolicyFactory } from '../../runtime/index.js';
import { HttpError, isWorkspaceAdmin } from '../../runtime/index.js';
import type { AuthKit } from './auth-kit.js';
import { checkUserToken } from './user-policy.js';

/** Admin actions (settings, explorer writes): the user policy's checks, and the viewer administers the workspace. */
export function createAdminPolicy(kit: AuthKit): PolicyFactory {
  return (route) =>
    async function adminPolicy(c, next) {
      const claims = await kit.admission.admit(c, 'admin', route, async (verify) => {
        const user = await checkUserToken(c, kit, verify);
        if (!isWorkspaceAdmin(user.workspaceRole)) {
          throw new HttpError(403, 'ADMIN_REQUIRED', 'only workspace owners and admins may do this');
        }
        return user;
      });
      c.set('clockify', claims);
      await next();
    };
}
