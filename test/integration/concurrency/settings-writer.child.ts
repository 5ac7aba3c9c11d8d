// A separate process that sets one setting over and over: `node --import tsx settings-writer.child.ts DIR KEY V1 V2 TIMES`.
// Ends on V1.
import { EventHub } from '../../../main/core/events';
import { openConfStore } from '../../../main/core/settings/key-value-store';
import { SettingsService } from '../../../main/core/settings/settings-service';

const [dir, key, last, other, times] = process.argv.slice(2) as [string, 'language' | 'environment', string, string, string];
const settings = new SettingsService(openConfStore('settings', dir), new EventHub());
for (let i = Number(times) - 1; i >= 0; i--) await settings.save({ [key]: i % 2 === 0 ? last : other });
