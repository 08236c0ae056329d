import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../../src/core/config/ids';
import { INLINE_FIX_PREVIEW_CONTEXT_KEY, PREVIEW_SETTING } from '../../../src/extension/inlineFix/contextKeys';

interface MenuItem {
  command?: string;
  when?: string;
  group?: string;
}

const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));

describe('inline fix: package.json contributions', () => {
  it('shows Accept / Reject in the editor title only on a proposal diff, with icons and keybindings', () => {
    const title = (pkg.contributes.menus['editor/title'] as MenuItem[]).filter((item) => item.command?.startsWith('grok.inlineFix.'));
    assert.deepEqual(title.map((item) => item.command), [COMMANDS.acceptInlineFix, COMMANDS.rejectInlineFix]);
    for (const item of title) {
      assert.equal(item.when, INLINE_FIX_PREVIEW_CONTEXT_KEY);
      assert.match(item.group ?? '', /^navigation/);
    }
    const commands = pkg.contributes.commands as { command: string; icon?: string }[];
    for (const id of [COMMANDS.acceptInlineFix, COMMANDS.rejectInlineFix]) assert.ok(commands.find((c) => c.command === id)?.icon, `${id} has no icon`);
    const keys = (pkg.contributes.keybindings as { command: string; when: string; key: string }[]).filter((k) => k.command.startsWith('grok.inlineFix.'));
    assert.deepEqual(keys.map((k) => k.command).sort(), [COMMANDS.acceptInlineFix, COMMANDS.rejectInlineFix].sort());
    for (const key of keys) assert.equal(key.when, INLINE_FIX_PREVIEW_CONTEXT_KEY);
  });

  it('keeps Accept / Reject out of the command palette unless a proposal is shown', () => {
    const palette = pkg.contributes.menus.commandPalette as MenuItem[];
    for (const id of [COMMANDS.acceptInlineFix, COMMANDS.rejectInlineFix]) assert.equal(palette.find((item) => item.command === id)?.when, INLINE_FIX_PREVIEW_CONTEXT_KEY);
  });

  it('declares the preview setting, on by default', () => {
    const setting = pkg.contributes.configuration.properties[`grok.${PREVIEW_SETTING}`];
    assert.equal(setting.type, 'boolean');
    assert.equal(setting.default, true);
  });

  it('activates cheaply on any language so the quick fixes are there in every file', () => {
    assert.ok((pkg.activationEvents as string[]).includes('onLanguage'));
  });
});
