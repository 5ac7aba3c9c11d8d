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
    ['preload/bridge-helper.ts', "import { app } from '../main/services';\nexport const a = app;"],
    // The contract is pure: zod and itself, not even a type from main/.
    ['preload/contract/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;"],
    ['preload/contract/x.ts', "import { createServices } from '../../main/services';\nexport const s = createServices;"],
    ['preload/contract/x.ts', "import type { Services } from '../../main/services';\nexport type S = Services;"],
    ['preload/contract/sign-de/x.ts', "import type { RunReport } from '../../../main/products/sign-de/provisioning/orchestrator';\nexport type R = RunReport;"],
    ['preload/contract/sign-de/x.ts', "import type { X } from '../../bridge';\nexport type Y = X;"],
    ['preload/contract/x.ts', "import QRCode from 'qrcode';\nexport const q = QRCode;"],
    // The contract's core names no product; a product's part builds on the core, not on the composition above it.
    ['preload/contract/core/x.ts', "import type { RunReport } from '../sign-de/runs';\nexport type R = RunReport;"],
    ['preload/contract/core/x.ts', "import type { Channel } from '../channels';\nexport type C = Channel;"],
    ['preload/contract/sign-de/x.ts', "import type { Channel } from '../channels';\nexport type C = Channel;"],
    ['preload/contract/sign-de/receipt/x.ts', "import type { Result } from '../../../../main/core/errors';\nexport type R = Result;"],
    ['preload/contract/sign-at/x.ts', "import type { RunReport } from '../sign-de/runs';\nexport type R = RunReport;"],
    // The core imports no product, and nothing above it.
    ['main/core/x.ts', "import { FiskalyClient } from '../products/sign-de/api/client';\nexport const c = FiskalyClient;"],
    ['main/core/runs/x.ts', "import { Vault } from '../../vault';\nexport const v = Vault;"],
    ['main/core/x.ts', "import { encodeEscPos } from '../printing';\nexport const e = encodeEscPos;"],
    ['main/core/x.ts', "import { createServices } from '../services';\nexport const s = createServices;"],
    // Printing and the vault build on the core only.
    ['main/printing/x.ts', "import { buildReceiptModel } from '../products/sign-de/receipt';\nexport const b = buildReceiptModel;"],
    ['main/printing/x.ts', "import { Vault } from '../vault';\nexport const v = Vault;"],
    ['main/vault/x.ts', "import { checkReceipt } from '../products/sign-de/tse';\nexport const c = checkReceipt;"],
    ['main/vault/x.ts', "import { encodeEscPos } from '../printing';\nexport const e = encodeEscPos;"],
    // A wing imports no other wing, and nothing above it, at any depth.
    ['main/products/sign-de/x.ts', "import { x } from '../sign-at';\nexport const y = x;"],
    ['main/products/sign-de/sandbox/routes/x.ts', "import { x } from '../../../sign-at/client';\nexport const y = x;"],
    ['main/products/sign-at/x.ts', "import { FiskalyClient } from '../sign-de/api/client';\nexport const c = FiskalyClient;"],
    ['main/products/sign-de/store/x.ts', "import { createServices } from '../../../services';\nexport const s = createServices;"],
    ['main/products/sign-de/x.ts', "import { runCli } from '../../cli/run-cli';\nexport const r = runCli;"],
    ['main/products/sign-de/x.ts', "import { wings } from '..';\nexport const w = wings;"],
    // The renderer: a product wing imports neither another wing nor the shell; the shell reaches a wing only
    // through the registry; the neutral parts (ui, bridge, i18n, state) import no wing and not the shell.
    ['renderer/src/products/sign-de/wizard/x.tsx', "import { VaultCard } from '../../../shell/vault/VaultCard';\nexport const v = VaultCard;"],
    ['renderer/src/products/sign-de/x.ts', "import { x } from '../sign-at/x';\nexport const y = x;"],
    ['renderer/src/products/sign-at/x.ts', "import { emptyDraft } from '../sign-de/wizard/wizard-rules';\nexport const e = emptyDraft;"],
    ['renderer/src/products/sign-de/x.ts', "import { productScreens } from '..';\nexport const p = productScreens;"],
    ['renderer/src/shell/home/x.tsx', "import { StoresCard } from '../../products/sign-de/stores/StoresCard';\nexport const s = StoresCard;"],
    ['renderer/src/shell/x.ts', "import type { WizardStep } from '../products/sign-de/wizard/wizard-rules';\nexport type W = WizardStep;"],
    ['renderer/src/ui/x.tsx', "import { App } from '../shell/frame/App';\nexport const a = App;"],
    ['renderer/src/state/x.ts', "import { initialProductState } from '../products';\nexport const i = initialProductState;"],
    ['renderer/src/state/x.ts', "import type { FrameState } from '../shell/state/frame-slice';\nexport type F = FrameState;"],
    ['renderer/src/i18n/x.ts', "import { de } from '../products/sign-de/i18n/de';\nexport const d = de;"],
    // The renderer-wide rules hold inside every zone too.
    ['renderer/src/products/sign-de/x.ts', "import { createServices } from '../../../../main/services';\nexport const s = createServices;"],
    ['renderer/src/ui/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;"],
    ['renderer/src/shell/x.ts', "import { z } from 'zod';\nexport const s = z.string();"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain(restricted);
  });

  it.each([
    ['main/app/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['preload/contract/x.ts', "import { z } from 'zod';\nexport const s = z.string();"],
    ['preload/contract/sign-de/x.ts', "import { z } from 'zod';\nimport type { Result } from '../core/result';\nexport const s = z.string();\nexport type R = Result<string>;"],
    ['preload/contract/sign-de/receipt/x.ts', "import type { Settings } from '../../core/settings';\nimport type { StepName } from '../provisioning-steps';\nexport type S = [Settings, StepName];"],
    ['preload/contract/x.ts', "import { coreChannels } from './core/channels';\nimport { signDeChannels } from './sign-de/channels';\nexport const c = [...coreChannels, ...signDeChannels];"],
    ['renderer/src/x.ts', "import type { CompanionApi } from '../../preload/contract';\nexport type A = CompanionApi;"],
    ['main/core/runs/x.ts', "import { AppError } from '../errors';\nimport type { RunSummary } from '../../../preload/contract';\nexport const e = AppError;\nexport type S = RunSummary;"],
    ['main/vault/x.ts', "import { AppError } from '../core/errors';\nexport const e = AppError;"],
    ['main/printing/x.ts', "import { AppError } from '../core/errors';\nexport const e = AppError;"],
    ['main/products/sign-de/sandbox/routes/x.ts', "import { checkReceipt } from '../../tse';\nimport { ApiError } from '../api-error';\nexport const c = [checkReceipt, ApiError];"],
    ['main/products/sign-de/provisioning/x.ts', "import { FiskalyClient } from '../api/client';\nimport { Vault } from '../../../vault';\nimport { encodeEscPos } from '../../../printing';\nimport { withFileLock } from '../../../core/durable/file-lock';\nexport const c = [FiskalyClient, Vault, encodeEscPos, withFileLock];"],
    ['main/products/sign-de/x.ts', "import type { RunReport } from '../../../preload/contract/sign-de';\nexport type R = RunReport;"],
    ['main/services.ts', "import { signDeWing } from './products/sign-de';\nexport const w = signDeWing;"],
    ['renderer/src/products/sign-de/wizard/x.tsx', "import { TextField } from '../../../ui/TextField';\nimport { useApp } from '../../../state/store-context';\nimport { callBridge } from '../../../bridge/call-bridge';\nimport { uiLanguages } from '../../../i18n/languages';\nimport { MAX_CLIENTS } from '../../../../../preload/contract/sign-de/store-rules';\nimport { isRunActive } from '../run/run-progress';\nexport const x = [TextField, useApp, callBridge, uiLanguages, MAX_CLIENTS, isRunActive];"],
    ['renderer/src/products/sign-de/x.ts', "import type { z } from 'zod';\nexport type S = z.ZodType;"],
    ['renderer/src/shell/home/x.tsx', "import { productHomeCards } from '../../products';\nimport { productScreens } from '../../products/index';\nimport { VaultCard } from '../vault/VaultCard';\nexport const x = [productHomeCards, productScreens, VaultCard];"],
    ['renderer/src/ui/x.tsx', "import { useApp } from '../state/store-context';\nimport { uiLanguages } from '../i18n/languages';\nimport { callBridge } from '../bridge/call-bridge';\nimport type { Result } from '../../../preload/contract/core/result';\nexport const x = [useApp, uiLanguages, callBridge];\nexport type R = Result<string>;"],
    ['renderer/src/products/index.ts', "import { SignDeHomeCards } from './sign-de';\nexport const cards = [SignDeHomeCards];"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain(restricted);
  });

  it('refuses ipcMain.handle outside the one wrapper', async () => {
    const code = "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n";
    expect(await ruleIds('main/app/other.ts', code)).toContain('no-restricted-syntax');
    expect(await ruleIds('main/app/ipc.ts', code)).not.toContain('no-restricted-syntax');
  });
});
