import type { InstallationRecord, Installations, RawClockifyClaims } from '../../runtime/index.js';
import { HttpError } from '../../runtime/index.js';

/**
 * The installation a verified token belongs to. Signatures never expire for installation and webhook tokens,
 * so the stored installation is what revokes them: none after DELETED, another `addonId` after a reinstall,
 * and INACTIVE while an admin has the add-on switched off (PLATFORM.md §4).
 */
export async function requireInstallation(installations: Installations, claims: Readonly<RawClockifyClaims>): Promise<InstallationRecord> {
  const installation = await installations.find(claims.workspaceId as string);
  if (!installation) {
    throw new HttpError(401, 'INSTALLATION_UNKNOWN', "the add-on is not installed on the token's workspace");
  }
  if (installation.addonId !== claims.addonId) {
    throw new HttpError(401, 'INSTALLATION_MISMATCH', 'the token belongs to an earlier installation on this workspace');
  }
  if (installation.status !== 'ACTIVE') {
    throw new HttpError(403, 'INSTALLATION_INACTIVE', 'the add-on is switched off on this workspace');
  }
  return installation;
}
