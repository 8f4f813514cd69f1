// Types of backup-form.js, the module a host page loads.

export type BackupTypeId =
  | 'portworx-cloud-snapshot'
  | 'direct-kdmp'
  | 'csi-snapshot'
  | 'csi-snapshot-offload'
  | 'fails';

export type VscOption = 'disabled' | 'none' | 'default-single' | 'non-default-single' | 'multiple';

export interface SnapshotClassConfig {
  name: string;
  /** Annotated snapshot.storage.kubernetes.io/is-default-class: "true". */
  default?: boolean;
}

export interface ProvisionerConfig {
  name: string;
  /** Marks a provisioner as Portworx's own beyond pxd.portworx.com and kubernetes.io/portworx-volume. */
  portworx?: boolean;
  volumeSnapshotClasses?: SnapshotClassConfig[];
  /** The select's value: a class name, or null for "no snapshot class". Absent: the form preselects. */
  volumeSnapshotClass?: string | null;
}

/** A Kubernetes list as `kubectl get ... -o json` prints it; unknown fields are ignored. */
export interface KubernetesList {
  kind?: string;
  items: unknown[];
  [field: string]: unknown;
}

export interface Config {
  provisioners?: ProvisionerConfig[];
  kubernetes?: { storageClasses?: KubernetesList; volumeSnapshotClasses?: KubernetesList };
  offload?: boolean;
  crossCloud?: boolean;
  mode?: 'classic' | 'federated';
  /** The application cluster backed up (`cluster_ref`); shown read-only. Without one, Create is blocked. */
  cluster?: { name: string; uid?: string };
  /** `metadata.org_id`: the Portworx Backup organisation. Default "default". */
  orgId?: string;
  backupName?: string;
  /** `uid`, when known, goes into `backup_location_ref`. */
  backupLocations?: { name: string; type: 's3' | 'azure' | 'google' | 'nfs'; uid?: string }[];
  backupLocation?: string;
  namespaces?: string[];
  backupKind?: 'manual' | 'scheduled';
  backupObject?: 'namespace' | 'vm';
  /** A name, or `{ name, uid }`; the uid, when known, goes into `schedule_policy_ref`. */
  schedulePolicies?: (string | { name: string; uid?: string })[];
  /** The chosen policy's name. */
  schedulePolicy?: string;
}

export interface ProvisionerDecision {
  name: string;
  vscOption: VscOption;
  volumeSnapshotClass: string | null;
  backupType: BackupTypeId;
  /** Row of Table 1 (CSI backup matrix); null under Cross Cloud Backup/Restore. */
  csiMatrixRow: number | null;
  /** Row id of Table 3 (KDMP backup matrix), when the provisioner's storage is listed there. */
  kdmpMatrixRow: string | null;
  reason: string;
}

/** A provisioner whose backup type a choice would change, and what it would get instead. */
export interface WhatIfChange {
  name: string;
  backupType: BackupTypeId;
  /** Row of Table 1 it would get; null under Cross Cloud Backup/Restore. */
  csiMatrixRow: number | null;
}

/** One backup-level checkbox turned the other way, all else equal. */
export interface WhatIfFlip {
  /** What the Decision's canCreate would be. */
  canCreate: boolean;
  /** Only the provisioners whose backupType would differ, in provisioner order. */
  changes: WhatIfChange[];
}

/** One option of a VSC select, and what its provisioner would get were it chosen. */
export interface WhatIfOption {
  /** null for "No snapshot class". */
  volumeSnapshotClass: string | null;
  backupType: BackupTypeId;
  csiMatrixRow: number | null;
  /** Whether the select holds this option now. */
  selected: boolean;
}

/** What each other choice of the form would give, from the same rules as the Decision. */
export interface WhatIf {
  offload: WhatIfFlip;
  crossCloud: WhatIfFlip;
  /** One per usable select (not Portworx, at least one VSC), in provisioner order; its options in the select's order. */
  classes: { name: string; options: WhatIfOption[] }[];
}

export interface Decision {
  canCreate: boolean;
  provisioners: ProvisionerDecision[];
  driverMatrixRows: ('cross-cloud' | 'snapshot-class-mapping' | 'snapshot-class-mapping-offload' | 'cloudsnap')[];
  notices: { id: string; level: 'info' | 'warning' | 'error'; text: string }[];
  /** What each other choice would give: each checkbox flipped, each option of each VSC select. */
  whatIf: WhatIf;
}

/** Portworx Backup's `ObjectRef`: by name, and by uid when the config gives one. */
export interface ObjectRef {
  name: string;
  uid?: string;
}

/** The fields the form fills of Portworx Backup's `BackupCreateRequest` (snake_case, enums by name). */
export interface BackupCreateRequest {
  metadata: { name: string; org_id: string };
  cluster_ref: ObjectRef;
  backup_location_ref: ObjectRef;
  namespaces: string[];
  /** Provisioner → VSC name, for the provisioners that use a class. */
  volume_snapshot_class_mapping: Record<string, string>;
  /** `Generic` when offload is on, else `Normal`. */
  backup_type: 'Generic' | 'Normal';
  /** The Cross Cloud Backup/Restore option. */
  direct_kdmp: boolean;
  backup_object_type: { type: 'All' | 'VirtualMachine' };
}

/** The same fields of `BackupScheduleCreateRequest`, and the schedule's policy. */
export interface BackupScheduleCreateRequest extends BackupCreateRequest {
  schedule_policy_ref: ObjectRef;
}

/** The `backup-create` detail: the API call to make, ready to send as it is. */
export type BackupCreateDetail =
  | { method: 'POST'; path: '/v1/backup'; body: BackupCreateRequest }
  | { method: 'POST'; path: '/v1/backupschedule'; body: BackupScheduleCreateRequest };

/** The `backup-config-error` detail, and what `update` returns for a rejected config. */
export interface ConfigError {
  message: string;
  /** The field, e.g. "provisioners[2].name"; "(root)" for the config as a whole. */
  path: string;
}

/** The `backup-load-error` detail: why the widget could not start on this page. */
export interface LoadError {
  /** The cause, e.g. "could not fetch create-backup-widget_bg.wasm (404)". */
  message: string;
}

export interface WidgetHandle {
  /** Applies a config; returns the error (and keeps the last good state) when it is rejected. Throws after unmount. */
  update(config: Config | string): ConfigError | null;
  /** The current Decision; null after unmount. */
  decision(): Decision | null;
  /** Removes the widget and empties its shadow root (the element's light DOM is never touched); later calls do nothing. */
  unmount(): void;
}

export interface MountOptions {
  /** Keep the whole form state in the URL hash (a shareable link); off unless set. */
  urlState?: boolean;
  /** 'hidden' hides the inventory editor of the training panels. */
  inventoryEditor?: 'shown' | 'hidden';
}

/**
 * Mounts a widget into an open shadow root of `element` (one that can have a shadow root and has
 * none of its own). A bad config shows its error over the default scenario. Where the widget could
 * not load (see `backup-load-error`), `mount`, `decide` and `scenarios` throw an Error with the
 * same message.
 */
export function mount(element: HTMLElement, config?: Config | string, options?: MountOptions): WidgetHandle;
/** Decides a config with no DOM. Throws an Error with a `path` property on a bad config. */
export function decide(config: Config | string): Decision;
/** The built-in scenarios. */
export function scenarios(): { id: string; title: string }[];

export interface CreateBackupFormElement extends HTMLElement {
  config: Config | null;
  readonly decision: Decision | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'create-backup-form': CreateBackupFormElement;
  }
  interface HTMLElementEventMap {
    'backup-change': CustomEvent<Decision>;
    'backup-create': CustomEvent<BackupCreateDetail>;
    'backup-config-error': CustomEvent<ConfigError>;
    'backup-load-error': CustomEvent<LoadError>;
  }
}
