import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The process borders are lint rules; these cases prove each rule fires where it must and not elsewhere. */
const eslint = new ESLint();

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const restricted = '@typescript-eslint/no-restricted-imports';

describe('import borders', () => {
  it.each([
    ['renderer/src/x.ts', "import { createServices } from '../../main/services';\nexport const s = createServices;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const r = ipcRenderer;"],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;"],
    ['main/vault/x.ts', "import { safeStorage } from 'electron';\nexport const s = safeStorage;"],
    ['main/x.ts', "import Store from 'electron-store';\nexport const s = Store;"],
    ['preload/contract/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;"],
    ['preload/contract/x.ts', "import { createServices } from '../../main/services';\nexport const s = createServices;"],
    ['preload/bridge-helper.ts', "import { app } from '../main/services';\nexport const a = app;"],
    ['main/tse/x.ts', "import { Vault } from '../vault';\nexport const v = Vault;"],
    ['main/vault/x.ts', "import { checkReceipt } from '../tse';\nexport const c = checkReceipt;"],
    ['main/sandbox/routes/x.ts', "import { startRun } from '../../provisioning/orchestrator';\nexport const s = startRun;"],
    ['main/fiskaly/x.ts', "import { Vault } from '../vault';\nexport const v = Vault;"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain(restricted);
  });

  it.each([
    ['main/app/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['preload/contract/x.ts', "import { z } from 'zod';\nexport const s = z.string();"],
    ['preload/contract/x.ts', "import type { Services } from '../../main/services';\nexport type S = Services;"],
    ['renderer/src/x.ts', "import type { CompanionApi } from '../../preload/contract';\nexport type A = CompanionApi;"],
    ['main/sandbox/routes/x.ts', "import { checkReceipt } from '../../tse';\nimport { ApiError } from '../api-error';\nexport const c = [checkReceipt, ApiError];"],
    ['main/provisioning/x.ts', "import { FiskalyClient } from '../fiskaly/client';\nimport { Vault } from '../vault';\nexport const c = [FiskalyClient, Vault];"],
    ['main/vault/x.ts', "import { AppError } from '../errors';\nexport const e = AppError;"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain(restricted);
  });

  it('refuses ipcMain.handle outside the one wrapper', async () => {
    const code = "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n";
    expect(await ruleIds('main/app/other.ts', code)).toContain('no-restricted-syntax');
    expect(await ruleIds('main/app/ipc.ts', code)).not.toContain('no-restricted-syntax');
  });
});
