// A typed host, as a console team writes it: the package's element, mount(), events and
// properties, checked by `tsc --noEmit` and bundled by `vite build`.
import { decide, mount, scenarios } from 'create-backup-widget';
import type { BackupCreateDetail, Config, ConfigError, CreateBackupFormElement, Decision, WidgetHandle } from 'create-backup-widget';
import 'create-backup-widget/backup-form.css';

const seen: { type: string; target: string; canCreate?: boolean }[] = [];
(window as unknown as { __events: typeof seen }).__events = seen;

// The element, typed through HTMLElementTagNameMap.
const element: CreateBackupFormElement = document.querySelector('create-backup-form')!;
element.addEventListener('backup-change', (event) => {
  const decision: Decision = event.detail;
  seen.push({ type: event.type, target: element.id, canCreate: decision.canCreate });
  document.querySelector('#last-change')!.textContent = decision.canCreate ? 'can create' : 'fails';
});
element.addEventListener('backup-config-error', (event) => {
  const error: ConfigError = event.detail;
  seen.push({ type: event.type, target: `${element.id}: ${error.path}` });
});

// mount() into the console's own element, with a config; events bubble to the document.
const config: Config = { provisioners: [{ name: 'ebs.csi.aws.com', volumeSnapshotClasses: [{ name: 'ebs-vsc', default: true }] }], backupName: 'orders-nightly', cluster: { name: 'console-cluster' } };
const target = document.getElementById('console')!;
target.addEventListener('backup-change', (event) => seen.push({ type: event.type, target: 'console', canCreate: event.detail.canCreate }));
target.addEventListener('backup-create', (event) => {
  const request: BackupCreateDetail = event.detail;
  seen.push({ type: event.type, target: `console: ${request.method} ${request.path} ${request.body.metadata.name}` });
});
const handle: WidgetHandle = mount(target, config);

// Properties: the current config and decision of the element, and decide() with no DOM.
const current: Config | null = element.config;
const decision: Decision | null = handle.decision() ?? element.decision;
const ids: string[] = scenarios().map((s) => s.id);
const offloaded: Decision = decide({ ...config, offload: true });
console.log(`host ready: ${ids.length} scenarios, console can create: ${decision?.canCreate}, offload: ${offloaded.provisioners[0].backupType}, element config: ${current === null ? 'not yet' : 'set'}`);
