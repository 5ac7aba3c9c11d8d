import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { printable } from './arguments';
import { EXIT, UsageError } from './exit-codes';
import { idOf } from './ids';
import type { CommandIo } from './command-io';

export const HANDOVER_USAGE = 'usage: tss-companion handover (--run RUN_ID | --tss TSS_ID) --out DIR [--json]';

/**
 * `tss-companion handover`: the store's § 146a(4) AO handover as PDF, JSON (elster146a-handover/2) and the
 * experimental ELSTER XML, written into DIR; the paths on stdout, or with --json the handover JSON itself
 * (the paths then on stderr). A run names its store by its TSS.
 */
export async function handoverCommand(values: { run?: string; tss?: string; out?: string; json?: boolean }, io: CommandIo): Promise<number> {
  if ((values.run === undefined) === (values.tss === undefined) || !values.out) throw new UsageError(HANDOVER_USAGE);
  const given = (values.run ?? values.tss)!;
  const id = idOf(given);
  if (!id) throw new UsageError(`"${printable(given)}" is not a ${values.run ? 'run' : 'TSS'} id; \`tss-companion ${values.run ? 'runs' : 'recover list'}\` lists them.`);
  const outDir = resolve(values.out);
  await mkdir(outDir, { recursive: true, mode: 0o700 });

  const { signDe } = io.services();
  const tssId = values.run ? await signDe.documents.finishedRunTss(id) : id;
  const now = new Date();
  const made = await signDe.handover.make(tssId, now);
  const files = await signDe.handover.write(made, { outDir, now });
  const paths = [files.pdf.path, files.json.path, files.xml.path].map(printable);
  if (values.json) {
    io.out(made.json.trimEnd());
    for (const path of paths) io.err(path);
  } else {
    for (const path of paths) io.out(path);
  }
  return EXIT.ok;
}
