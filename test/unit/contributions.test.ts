import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, SETTING_KEYS } from '../../src/core/config/ids';

const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));

describe('package.json contributions', () => {
  it('declares exactly the commands the code registers, with the titles the product promises', () => {
    const declared = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(declared, Object.values(COMMANDS).sort());
    const titles = Object.fromEntries(pkg.contributes.commands.map((c: { command: string; title: string; category: string }) => [c.command, `${c.category}: ${c.title}`]));
    assert.equal(titles[COMMANDS.explain], 'Grok: Explain Selection');
    assert.equal(titles[COMMANDS.fix], 'Grok: Fix Selection');
    assert.equal(titles[COMMANDS.refactor], 'Grok: Refactor Selection');
    assert.equal(titles[COMMANDS.tests], 'Grok: Write Tests for Selection');
    assert.equal(titles[COMMANDS.document], 'Grok: Document Selection');
    assert.equal(titles[COMMANDS.ask], 'Grok: Ask About Selection…');
    assert.equal(titles[COMMANDS.openChat], 'Grok: Open Chat');
    assert.equal(titles[COMMANDS.stop], 'Grok: Stop Response');
    assert.equal(titles[COMMANDS.lintWorkspace], 'Grok: Lint Tool Schemas in Workspace');
  });

  it('declares exactly the settings the code reads', () => {
    assert.deepEqual(Object.keys(pkg.contributes.configuration.properties).sort(), [...SETTING_KEYS].sort());
    assert.equal(pkg.contributes.configuration.properties['grok.baseUrl'].default, 'https://api.x.ai/v1');
    assert.equal(pkg.contributes.configuration.properties['grok.model'].default, 'grok-build-0.1');
    assert.equal(pkg.contributes.configuration.properties['grok.schemaLint.enabled'].default, true);
  });

  it('never activates eagerly', () => {
    for (const event of pkg.activationEvents) {
      assert.notEqual(event, '*');
      assert.notEqual(event, 'onStartupFinished');
    }
  });

  it('menus and keybindings only name declared commands', () => {
    const declared = new Set(Object.values(COMMANDS) as string[]);
    const referenced = [
      ...(Object.values(pkg.contributes.menus) as { command?: string }[][]).flat().flatMap((m) => (m.command ? [m.command] : [])),
      ...pkg.contributes.keybindings.map((k: { command: string }) => k.command),
    ];
    assert.ok(referenced.length > 10);
    for (const id of referenced) assert.ok(declared.has(id), `${id} is referenced but not declared`);
    const keyed = pkg.contributes.keybindings.map((k: { command: string }) => k.command);
    assert.ok(keyed.includes(COMMANDS.ask) && keyed.includes(COMMANDS.explain));
  });
});
