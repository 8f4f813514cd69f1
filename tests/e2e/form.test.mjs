// The Create Backup form with its live preview, as a person uses it in dist/'s demo page:
// keyboard only, every scenario, axe-core in light and dark, a 320 px screen, screenshots,
// what a pressed or tabbed-to select says with 200 provisioners of 50 VSCs, and what the
// preview shows for the `mixed` scenario with offload off and on.
//
// Controls are found by their accessible names (SPEC.md, "Accessible names") and scoped to the
// form, the role="status" preview or the matrix tables, so that extra panels do not disturb.
// Set E2E_UPDATE_SCREENSHOT=1 to also copy the light screenshot to docs/screenshot.png.

import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  ROOT,
  focusedAccessible,
  formatViolations,
  launchBrowser,
  openPage,
  recordPageEvents,
  recorded,
  runAxe,
  screenshot,
  serveDist,
  waitForWidget,
} from './support.mjs';
import { assertApiRequest } from './api.mjs';

/** The names the source gives the outcomes (seed, "The four backup types"). */
const TYPE_NAMES = {
  'portworx-cloud-snapshot': 'Portworx cloud snapshot',
  'direct-kdmp': 'Direct KDMP backup',
  'csi-snapshot': 'CSI snapshot',
  'csi-snapshot-offload': 'CSI snapshot + offload snapshot to backup location (KDMP backup)',
  fails: 'Backup creation fails',
};

const SPEC_SCENARIOS = ['portworx', 'aws-ebs', 'aws-efs', 'azure-disk', 'azure-file', 'ibm', 'gcp-disk', 'gcp-file', 'ocp', 'mixed'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The demo page's widget and its parts, found the way a person (or a screen reader) finds them. */
function parts(page, selector = 'create-backup-form') {
  const widget = page.locator(selector).first();
  const form = widget.getByRole('form', { name: 'Create Backup' });
  return {
    widget,
    form,
    status: widget.locator('[role="status"]').first(),
    offload: form.getByRole('checkbox', { name: 'Offload CSI snapshots to backup location', exact: true }),
    crossCloud: form.getByRole('checkbox', { name: 'Cross Cloud Backup/Restore', exact: true }),
    create: form.getByRole('button', { name: 'Create', exact: true }),
    vsc: (provisioner) => form.getByLabel(`Volume snapshot class for ${provisioner}`, { exact: true }),
  };
}

/** The headline: the first line of the role="status" region, without its aria-hidden mark. */
async function headline(status) {
  const text = await status.evaluate((el) => el.querySelector('p')?.innerText ?? el.innerText.split('\n')[0]);
  return text.replace(/^[✓✕]\s*/, '').trim();
}

/**
 * What a person sees in the widget: the headline, one line per provisioner of the preview
 * (found by its name in <code>), and the rows of Table 1 marked aria-current="true".
 */
function whatOneSees(widget) {
  return widget.evaluate((el) => {
    const status = el.shadowRoot.querySelector('[role="status"]');
    const headline = (status.querySelector('p')?.innerText ?? '').replace(/^[✓✕]\s*/, '').trim();
    const outcomes = (el.decision?.provisioners ?? []).map(({ name }) => {
      const item = [...status.querySelectorAll('li')].find((li) => li.querySelector('code')?.textContent.trim() === name);
      return { name, text: item ? item.innerText.replace(/\s*\n\s*/g, ' | ').trim() : null };
    });
    const table1 = [...el.shadowRoot.querySelectorAll('table')].find((t) => t.caption?.textContent.trim().startsWith('Table 1'));
    const marked = [...(table1?.querySelectorAll('tbody tr[aria-current="true"]') ?? [])].map((tr) =>
      [...tr.cells].map((td) => td.innerText.trim()),
    );
    return { headline, outcomes, marked };
  });
}

/** The focused element's role, accessible name, and where it is (inside the widget's form?). */
async function focused(page) {
  const accessible = await focusedAccessible(page);
  const where = await page.evaluate(() => {
    // Focus inside a shadow root shows as its host on document: follow it down.
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      inForm: Boolean(el?.closest('form') && el.getRootNode().host?.localName === 'create-backup-form'),
      group: el?.type === 'radio' ? (el.closest('fieldset')?.querySelector('legend')?.textContent.trim() ?? null) : null,
      checked: el?.type === 'checkbox' || el?.type === 'radio' ? el.checked : null,
      value: el?.localName === 'select' ? el.value : null,
      // A visible focus indicator (WCAG 2.4.7): an outline or a box shadow while focused.
      ring: (() => {
        if (!el || el === document.body) return false;
        const style = getComputedStyle(el);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      })(),
    };
  });
  return { ...accessible, ...where };
}

/** Waits until the widget's form and preview show every provisioner of its current decision. */
function settled(page, selector = 'create-backup-form') {
  return page.waitForFunction((selector) => {
    const el = document.querySelector(selector);
    const names = el?.decision?.provisioners?.map((p) => p.name) ?? [];
    const labels = [...(el?.shadowRoot?.querySelectorAll('form label') ?? [])].map((l) => l.textContent).filter((t) => t.startsWith('Volume snapshot class for '));
    const status = el?.shadowRoot?.querySelector('[role="status"]')?.innerText ?? '';
    return names.length > 0 && labels.length === names.length && names.every((n) => labels.includes(`Volume snapshot class for ${n}`) && status.includes(n));
  }, selector);
}

const label = (stop) => `${stop.role} "${stop.name}"${stop.group ? ` (${stop.group})` : ''}`;

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(page, matches, { back = false, max = 40 } = {}) {
  const seen = [];
  for (let i = 0; i <= max; i++) {
    const stop = await focused(page);
    if (matches(stop)) return stop;
    seen.push(label(stop));
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`${back ? 'Shift+Tab' : 'Tab'} never reached the control; went through:\n  ${seen.join('\n  ')}`);
}

const named = (role, name) => (stop) => stop.role === role && stop.name === name;

async function creates(page) {
  return (await recorded(page)).events.filter((e) => e.type === 'backup-create');
}

describe('The Create Backup form with its live preview (dist/index.html)', () => {
  let browser;
  let server;
  before(async () => {
    server = await serveDist();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('keyboard only: Tab reaches every control up to Create; Space, arrows and Enter change the form; Create sends only when the backup can be created', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await recordPageEvents(page);
      await page.goto(server.url);
      await waitForWidget(page);
      const { form, create, status } = parts(page);

      // Tab from Backup name to Create, recording each stop.
      await form.getByLabel('Backup name', { exact: true }).focus();
      const stops = [];
      for (let i = 0; i < 40; i++) {
        const stop = await focused(page);
        stops.push(stop);
        if (named('button', 'Create')(stop)) break;
        await page.keyboard.press('Tab');
      }
      const sequence = stops.map(label);
      console.log(`Tab order, Backup name to Create:\n  ${sequence.join('\n  ')}`);
      assert.ok(named('button', 'Create')(stops.at(-1)), `Tab never reached Create:\n  ${sequence.join('\n  ')}`);
      assert.deepEqual(stops.filter((s) => !s.ring).map(label), [], 'every stop shows a focus indicator');
      const outside = stops.filter((s) => !s.inForm);
      assert.deepEqual(outside.map(label), [], 'every stop between Backup name and Create is a control of the form');

      const enabledSelects = await form.evaluate((f) =>
        [...f.querySelectorAll('select')]
          .filter((s) => !s.disabled && s.labels?.[0]?.textContent.startsWith('Volume snapshot class for '))
          .map((s) => s.labels[0].textContent.trim()),
      );
      assert.deepEqual(
        enabledSelects,
        [
          'Volume snapshot class for ebs.csi.aws.com',
          'Volume snapshot class for disk.csi.azure.com',
          'Volume snapshot class for pd.csi.storage.gke.io',
        ],
        'mixed: the VSC selects of EBS, Azure disk and GCE PD are enabled (Portworx and EFS are disabled)',
      );
      const radioGroups = stops.filter((s) => s.role === 'radio').map((s) => s.group);
      const expected = [
        ['textbox', 'Backup name'],
        ['combobox', 'Backup location'],
        ['textbox', 'Namespaces'],
        ...enabledSelects.map((name) => ['combobox', name]),
        ['checkbox', 'Offload CSI snapshots to backup location'],
        ['checkbox', 'Cross Cloud Backup/Restore'],
        ['button', 'Create'],
      ];
      let at = 0;
      for (const [role, name] of expected) {
        const found = stops.findIndex((s, i) => i >= at && s.role === role && s.name === name);
        assert.ok(found >= 0, `the Tab order has ${role} "${name}" after stop ${at}:\n  ${sequence.join('\n  ')}`);
        at = found + 1;
      }
      assert.deepEqual(radioGroups, ['Backup kind', 'Back up', 'Operation mode'], 'one Tab stop per radio group, in order');
      for (const name of ['Volume snapshot class for pxd.portworx.com', 'Volume snapshot class for efs.csi.aws.com']) {
        assert.ok(!stops.some((s) => s.name === name), `${name} is disabled and not a Tab stop`);
      }

      // mixed, offload off: EFS has no VSC, so Create is blocked, says why, and sends nothing.
      assert.equal(await create.getAttribute('aria-disabled'), 'true', 'Create is aria-disabled while the backup would fail');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Space');
      const why = await create.evaluate((b) =>
        b.getAttribute('aria-describedby').split(' ').map((id) => b.getRootNode().getElementById(id)?.innerText ?? '').join(' '),
      );
      assert.match(why, /fails/, `Create says why it is blocked: ${why}`);
      assert.match(why, /offload|Cross Cloud/i, `and how to unblock it: ${why}`);
      assert.equal((await creates(page)).length, 0, 'Enter and Space on a blocked Create send no backup-create');
      assert.ok(named('button', 'Create')(await focused(page)), 'Create keeps the focus');

      // Back to the GCE PD select: ArrowDown chooses the next class.
      const pd = await tabTo(page, named('combobox', 'Volume snapshot class for pd.csi.storage.gke.io'), { back: true });
      assert.equal(pd.value, 'pd-standard-snapclass', 'preselected with the default class');
      await page.keyboard.press('ArrowDown');
      assert.equal((await focused(page)).value, 'pd-balanced-snapclass', 'ArrowDown on the focused select chose the next class');
      await page.waitForFunction(() => document.querySelector('create-backup-form').shadowRoot.querySelector('[role="status"]').innerText.includes('pd-balanced-snapclass'));

      // Offload with Space; then Create with Enter sends the request.
      const offload = await tabTo(page, named('checkbox', 'Offload CSI snapshots to backup location'));
      assert.equal(offload.checked, false);
      await page.keyboard.press('Space');
      assert.equal((await focused(page)).checked, true, 'Space turned offload on');
      await tabTo(page, named('button', 'Create'));
      assert.equal(await create.getAttribute('aria-disabled'), 'false', 'with offload, Create is enabled');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.__e2e.events.some((e) => e.type === 'backup-create'));
      let sent = await creates(page);
      assert.equal(sent.length, 1, 'Enter on Create sent one backup-create');
      assert.equal(sent[0].detail.body.backup_type, 'Generic', 'offload on: backup_type Generic');
      assert.equal(sent[0].detail.body.direct_kdmp, false);
      assert.equal(sent[0].detail.body.volume_snapshot_class_mapping['pd.csi.storage.gke.io'], 'pd-balanced-snapclass', 'the class chosen with the keyboard is in the request');
      assert.equal(sent[0].detail.body.metadata.name, 'shop-backup');
      assert.match(await form.innerText(), /sent/i, 'the form confirms that the request was sent');
      await page.keyboard.press('Space');
      await page.waitForFunction(() => window.__e2e.events.filter((e) => e.type === 'backup-create').length === 2);

      // Offload off again: blocked again.
      await tabTo(page, named('checkbox', 'Offload CSI snapshots to backup location'), { back: true });
      await page.keyboard.press('Space');
      await tabTo(page, named('button', 'Create'));
      await page.keyboard.press('Enter');
      assert.equal(await create.getAttribute('aria-disabled'), 'true');
      assert.equal((await creates(page)).length, 2, 'offload off again: Create sends nothing');

      // Cross Cloud with Space: every volume by direct KDMP, so Create sends, with direct_kdmp.
      await tabTo(page, named('checkbox', 'Cross Cloud Backup/Restore'), { back: true });
      await page.keyboard.press('Space');
      await tabTo(page, named('button', 'Create'));
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.__e2e.events.filter((e) => e.type === 'backup-create').length === 3);
      sent = await creates(page);
      assert.equal(sent[2].detail.body.direct_kdmp, true, 'Cross Cloud Backup/Restore: direct_kdmp true');
      assert.equal(sent[2].detail.body.backup_type, 'Normal');

      // A radio group with the arrow keys: Scheduled shows Schedule policy, which the request names.
      await tabTo(page, (s) => s.role === 'radio' && s.group === 'Backup kind', { back: true });
      await page.keyboard.press('ArrowRight');
      const kind = await focused(page);
      assert.equal(kind.name, 'Scheduled', 'ArrowRight moved to Scheduled');
      assert.equal(kind.checked, true, 'and checked it');
      await page.keyboard.press('Tab');
      assert.ok(named('combobox', 'Schedule policy')(await focused(page)), 'Schedule policy follows Backup kind');
      await tabTo(page, named('button', 'Create'));
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.__e2e.events.filter((e) => e.type === 'backup-create').length === 4);
      sent = await creates(page);
      assert.equal(sent[3].detail.path, '/v1/backupschedule', 'a scheduled backup is created as a backup schedule');
      assert.ok(sent[3].detail.body.schedule_policy_ref?.name, `a scheduled backup names its policy: ${JSON.stringify(sent[3].detail)}`);
      for (const [i, { detail }] of sent.entries()) assertApiRequest(assert, detail, `backup-create #${i + 1}`);

      assert.match(await status.innerText(), /The backup/);
      assert.deepEqual(errors, [], 'no console error, page error or failed request');
    } finally {
      await context.close();
    }
  });

  test('every scenario of scenarios() renders with no console or page error, and its role="status" text has a headline', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(server.url);
      await waitForWidget(page);
      const list = await page.evaluate(async () => {
        const { scenarios } = await import(new URL('backup-form.js', document.baseURI).href);
        return scenarios();
      });
      const ids = list.map((s) => s.id);
      for (const id of SPEC_SCENARIOS) assert.ok(ids.includes(id), `scenarios() lists ${id}: ${ids}`);
      for (const { id, title } of list) assert.ok(title?.trim(), `scenario ${id} has a title`);

      const seen = [];
      for (const id of ids) {
        // A fresh element per scenario: a first render, as a docs page does it.
        await page.evaluate((id) => {
          document.getElementById('e2e-scenario')?.remove();
          const element = document.createElement('create-backup-form');
          element.id = 'e2e-scenario';
          element.setAttribute('scenario', id);
          document.querySelector('main').append(element);
        }, id);
        const widget = await waitForWidget(page, '#e2e-scenario');
        const { status, form } = parts(page, '#e2e-scenario');
        const text = await headline(status);
        const decision = await widget.evaluate((el) => el.decision);
        assert.ok(decision?.provisioners?.length > 0, `${id}: a decision with provisioners`);
        assert.match(text, decision.canCreate ? /^The backup is created\b.+/ : /^The backup fails\b.+/, `${id}: the headline says whether the backup is created: "${text}"`);
        const statusText = await status.innerText();
        for (const p of decision.provisioners) {
          assert.ok(statusText.includes(p.name), `${id}: the preview names ${p.name}`);
          assert.ok(statusText.includes(TYPE_NAMES[p.backupType]), `${id}: the preview shows "${TYPE_NAMES[p.backupType]}" for ${p.name}`);
          assert.equal(await form.getByLabel(`Volume snapshot class for ${p.name}`, { exact: true }).count(), 1, `${id}: one VSC select for ${p.name}`);
        }
        seen.push(`${id.padEnd(10)} ${text}`);
        assert.deepEqual(errors, [], `${id}: no console error, page error or failed request`);
      }
      console.log(`Headline of each scenario:\n  ${seen.join('\n  ')}`);
    } finally {
      await context.close();
    }
  });

  test('axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) finds no violation, light and dark, before and after turning on offload and cross cloud', async () => {
    const results = [];
    const failures = [];
    for (const theme of ['light', 'dark']) {
      const { context, page, errors } = await openPage(browser, { bypassCSP: true, colorScheme: theme, viewport: { width: 1280, height: 900 } });
      try {
        await page.goto(server.url);
        if (theme === 'dark') await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
        await waitForWidget(page);
        const { widget, offload, crossCloud } = parts(page);
        // The theme really applies: light text on dark, or dark text on light.
        const luminance = await widget.evaluate((el) => {
          const [r, g, b] = getComputedStyle(el.shadowRoot.querySelector('.cbw')).color.match(/\d+/g).map(Number);
          return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        });
        assert.ok(theme === 'dark' ? luminance > 0.6 : luminance < 0.4, `${theme}: the widget's text colour follows the theme (luminance ${luminance.toFixed(2)})`);
        for (const when of ['default', 'offload and cross cloud on']) {
          if (when !== 'default') {
            await offload.check();
            await crossCloud.check();
            await page.waitForFunction(() => document.querySelector('create-backup-form').shadowRoot.querySelector('[role="status"]').innerText.includes('Direct KDMP backup'));
          }
          const violations = await runAxe(page, { tags: AXE_TAGS });
          results.push(`${theme}, ${when}: ${violations.length} violation(s)`);
          if (violations.length) failures.push(`${theme}, ${when}:\n${formatViolations(violations)}`);
        }
        assert.deepEqual(errors, [], `${theme}: no console error or page error`);
      } finally {
        await context.close();
      }
    }
    console.log(`axe-core, tags ${AXE_TAGS.join(', ')}:\n  ${results.join('\n  ')}`);
    assert.deepEqual(failures, [], `axe-core found:\n${failures.join('\n')}`);
  });

  test('at 320 px wide the page never scrolls sideways, in every scenario and with the options on', async () => {
    const { context, page, errors } = await openPage(browser, { viewport: { width: 320, height: 800 } });
    try {
      await page.goto(server.url);
      await waitForWidget(page);
      const ids = await page.evaluate(async () => (await import(new URL('backup-form.js', document.baseURI).href)).scenarios().map((s) => s.id));
      const { widget, offload, crossCloud } = parts(page);
      const wide = [];
      const measure = async (what) => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) {
          const culprits = await page.evaluate(() =>
            [...document.querySelector('create-backup-form').shadowRoot.querySelectorAll('*')]
              .filter((el) => el.getBoundingClientRect().right > 320.5 && !el.closest('.cbw-table-wrap, pre'))
              .slice(0, 3)
              .map((el) => `<${el.localName} class="${el.className}">${el.textContent.slice(0, 40)}`),
          );
          wide.push(`${what}: scrollWidth ${width} (${culprits.join('; ')})`);
        }
      };
      for (const id of ids) {
        await widget.evaluate((el, id) => el.setAttribute('scenario', id), id);
        await settled(page);
        await measure(id);
      }
      await widget.evaluate((el) => el.setAttribute('scenario', 'mixed'));
      await offload.check();
      await crossCloud.check();
      await measure('mixed, offload and cross cloud on');
      await screenshot(page, 'form-narrow-320');
      assert.deepEqual(wide, [], 'document.documentElement.scrollWidth <= 320');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('screenshots: light (1280 wide, mixed with offload on), dark, narrow (320) in test-results/', async () => {
    const shots = [];
    for (const [name, options] of [
      ['form-light', { colorScheme: 'light', viewport: { width: 1280, height: 900 } }],
      ['form-dark', { colorScheme: 'dark', viewport: { width: 1280, height: 900 } }],
      ['form-narrow', { colorScheme: 'light', viewport: { width: 320, height: 800 } }],
    ]) {
      const { context, page, errors } = await openPage(browser, options);
      try {
        await page.goto(server.url);
        await waitForWidget(page);
        const { offload, status } = parts(page);
        await offload.check();
        await page.waitForFunction(() => document.querySelector('create-backup-form').shadowRoot.querySelector('[role="status"]').innerText.includes('The backup is created'));
        assert.match(await headline(status), /^The backup is created/);
        shots.push(await screenshot(page, name));
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
    console.log(`Screenshots:\n  ${shots.map((f) => path.relative(ROOT, f)).join('\n  ')}`);
    if (process.env.E2E_UPDATE_SCREENSHOT === '1') {
      await mkdir(path.join(ROOT, 'docs'), { recursive: true });
      await copyFile(shots[0], path.join(ROOT, 'docs', 'screenshot.png'));
      console.log('Copied to docs/screenshot.png');
    }
  });

  test('200 provisioners x 50 VSCs: after a change, the select a person presses or tabs to names on every option what it would give', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(server.url);
      await waitForWidget(page);
      const { widget, offload, vsc } = parts(page);
      await widget.evaluate(
        (element) =>
          new Promise((resolve) => {
            const provisioners = Array.from({ length: 200 }, (_, p) => ({
              name: `p${p}.csi.example.com`,
              volumeSnapshotClasses: Array.from({ length: 50 }, (_, c) => (c === 0 ? { name: `p${p}-vsc-${c}`, default: true } : { name: `p${p}-vsc-${c}` })),
            }));
            element.addEventListener('backup-change', () => resolve(), { once: true });
            element.config = { provisioners };
          }),
      );
      await offload.check();
      // What each option of a provisioner's select would give, by the Decision's whatIf.
      const promised = (p) =>
        widget.evaluate((element, name) => element.decision.whatIf.classes.find((s) => s.name === name).options.map((o) => o.backupType), `p${p}.csi.example.com`);
      const shown = (p) => vsc(`p${p}.csi.example.com`).evaluate((select) => [...select.options].map((o) => o.text.split(': ').at(-1)));
      const names = (types) => types.map((type) => TYPE_NAMES[type]);

      // The chosen option, which the closed select shows, follows at once.
      const chosen = await vsc('p40.csi.example.com').evaluate((select) => select.selectedIndex);
      assert.equal((await shown(40))[chosen], names(await promised(40))[chosen], 'the chosen option of an unused select');

      // Pressed with the mouse: every option names what it gives, before the list opens.
      await vsc('p5.csi.example.com').scrollIntoViewIfNeeded();
      const box = await vsc('p5.csi.example.com').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      assert.deepEqual(await shown(5), names(await promised(5)), 'a pressed select');
      await page.mouse.up();
      await page.keyboard.press('Escape');

      // Reached with Tab: the same.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.querySelector('create-backup-form').shadowRoot.activeElement?.id), await vsc('p6.csi.example.com').evaluate((s) => s.id));
      assert.deepEqual(await shown(6), names(await promised(6)), 'a select reached with Tab');
      assert.notDeepEqual(names(await promised(6)).slice(2), Array(48).fill(TYPE_NAMES['csi-snapshot']), 'offload changed what the options give');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('mixed: what a person sees with offload off and on (headline, each provisioner, marked Table 1 rows)', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(server.url);
      await waitForWidget(page);
      const { widget, offload } = parts(page);

      // The seed's Table 1: each provisioner of `mixed`, its outcome and its row, off and on.
      const expected = {
        off: [
          ['pxd.portworx.com', 'portworx-cloud-snapshot', 2],
          ['efs.csi.aws.com', 'fails', 4],
          ['ebs.csi.aws.com', 'csi-snapshot', 6],
          ['disk.csi.azure.com', 'csi-snapshot', 8],
          ['pd.csi.storage.gke.io', 'csi-snapshot', 10],
        ],
        on: [
          ['pxd.portworx.com', 'portworx-cloud-snapshot', 1],
          ['efs.csi.aws.com', 'direct-kdmp', 3],
          ['ebs.csi.aws.com', 'csi-snapshot-offload', 5],
          ['disk.csi.azure.com', 'csi-snapshot-offload', 7],
          ['pd.csi.storage.gke.io', 'csi-snapshot-offload', 9],
        ],
      };
      const report = [];
      for (const state of ['off', 'on']) {
        if (state === 'on') {
          await offload.check();
          await page.waitForFunction(() => document.querySelector('create-backup-form').shadowRoot.querySelector('[role="status"]').innerText.includes('Direct KDMP backup'));
        }
        const seen = await whatOneSees(widget);
        report.push(
          `mixed, offload ${state}`,
          `  headline: ${seen.headline}`,
          ...seen.outcomes.map((o) => `  ${o.text}`),
          '  Table 1, rows marked aria-current="true":',
          ...seen.marked.map((cells) => `    ${cells.join(' | ')}`),
        );
        if (state === 'off') {
          assert.match(seen.headline, /^The backup fails\b/, 'offload off: the headline says the backup fails');
          assert.match(seen.headline, /offload|Cross Cloud/i, 'and how to fix it');
        } else {
          assert.match(seen.headline, /^The backup is created\b/, 'offload on: the headline says the backup is created');
          for (const type of ['portworx-cloud-snapshot', 'direct-kdmp', 'csi-snapshot-offload']) {
            assert.ok(seen.headline.includes(TYPE_NAMES[type]), `the headline names ${TYPE_NAMES[type]}`);
          }
        }
        assert.deepEqual(seen.outcomes.map((o) => o.name), expected[state].map(([name]) => name), 'one outcome per provisioner, in order');
        for (const [name, type, row] of expected[state]) {
          const outcome = seen.outcomes.find((o) => o.name === name);
          assert.ok(outcome?.text, `the preview shows ${name}`);
          assert.ok(outcome.text.includes(TYPE_NAMES[type]), `offload ${state}: ${name} shows "${TYPE_NAMES[type]}": ${outcome.text}`);
          assert.match(outcome.text, new RegExp(`Table 1, row ${row}\\b`), `offload ${state}: ${name} cites Table 1, row ${row}`);
          if (type === 'csi-snapshot') assert.ok(!outcome.text.includes(TYPE_NAMES['csi-snapshot-offload']), `offload off: ${name} is not offloaded`);
        }
        const markedRows = seen.marked.map((cells) => Number(cells[0])).sort((a, b) => a - b);
        assert.deepEqual(markedRows, expected[state].map(([, , row]) => row).sort((a, b) => a - b), `offload ${state}: the marked rows of Table 1`);
        for (const cells of seen.marked) {
          const users = expected[state].filter(([, , row]) => row === Number(cells[0])).map(([name]) => name);
          for (const name of users) assert.ok(cells.at(-1).includes(name), `row ${cells[0]} says it is in use by ${name}`);
          assert.equal(cells[3], state === 'on' ? 'Yes' : 'No', `row ${cells[0]}: "Offload selected" is ${state === 'on' ? 'Yes' : 'No'}`);
        }
      }
      console.log(report.join('\n'));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
