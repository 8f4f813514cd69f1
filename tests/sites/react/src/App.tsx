// A console page that uses <create-backup-form> from React, typed by create-backup-widget/react:
// the config comes from React state, the three events are `on<event>` props, and a ref reaches
// the element.
import { useEffect, useRef, useState } from 'react';
import type { BackupCreateDetail, Config, ConfigError, CreateBackupFormElement, Decision } from 'create-backup-widget/react';

const EBS: Config = {
  provisioners: [{ name: 'ebs.csi.aws.com', volumeSnapshotClasses: [{ name: 'ebs-vsc', default: true }] }],
  cluster: { name: 'console-cluster' },
  backupName: 'orders-nightly',
};

/** EFS has no snapshot class: its backup can be created with offload on. */
const EFS: Config = {
  provisioners: [{ name: 'efs.csi.aws.com' }],
  offload: true,
  cluster: { name: 'console-cluster' },
  backupName: 'files-weekly',
};

/** A config with the right shape that the widget rejects: a provisioner name longer than Kubernetes allows. */
const BROKEN: Config = { ...EFS, provisioners: [{ name: 'efs.csi.aws.com' }, { name: 'x'.repeat(254) }] };

export type Logged = { type: string; detail: unknown; fromElement: boolean; custom: boolean };

export function App({ log, effects }: { log: Logged[]; effects: string[] }) {
  const [config, setConfig] = useState<Config>(EBS);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [request, setRequest] = useState<BackupCreateDetail | null>(null);
  const [error, setError] = useState<ConfigError | null>(null);
  const ref = useRef<CreateBackupFormElement>(null);

  // StrictMode runs this twice on mount in development (mount, cleanup, mount).
  useEffect(() => {
    effects.push(`mount ${ref.current?.localName}`);
    return () => {
      effects.push('cleanup');
    };
  }, [effects]);

  const record = (event: CustomEvent) =>
    log.push({ type: event.type, detail: event.detail, fromElement: event.currentTarget === ref.current, custom: event instanceof CustomEvent });

  return (
    <main>
      <h1>Create a backup</h1>
      <p>
        <button type="button" onClick={() => setConfig(EFS)}>
          Use the EFS cluster
        </button>{' '}
        <button type="button" onClick={() => setConfig(BROKEN)}>
          Send a bad config
        </button>
      </p>
      <create-backup-form
        id="backup"
        ref={ref}
        className="console-widget"
        style={{ maxWidth: '72rem' }}
        config={config}
        onbackup-change={(event) => {
          record(event);
          const next: Decision = event.detail;
          setDecision(next);
        }}
        onbackup-create={(event) => {
          record(event);
          const next: BackupCreateDetail = event.detail;
          setRequest(next);
        }}
        onbackup-config-error={(event) => {
          record(event);
          const next: ConfigError = event.detail;
          setError(next);
        }}
      />
      <p>
        Can create: <output id="can-create">{decision === null ? 'not yet' : String(decision.canCreate)}</output>
      </p>
      <p>
        Request: <output id="request">{request === null ? 'none' : `${request.method} ${request.path} ${request.body.metadata.name}`}</output>
      </p>
      <p>
        Config error: <output id="config-error">{error === null ? 'none' : `${error.path}: ${error.message}`}</output>
      </p>
    </main>
  );
}
