// Types of `create-backup-widget/react`: the same module as the main entry (it defines
// <create-backup-form> and exports mount(), decide() and scenarios()), plus the element in
// React's JSX. Only this file needs @types/react; backup-form.d.ts never imports it.
//
// React 19 sets a prop of a custom element as its property when the element has one (`config`),
// as an attribute otherwise (`scenario`, `url-state`, `inventory-editor`), and adds an `on<event>`
// prop as a listener of <event>: `onbackup-change` listens to `backup-change`. The element is
// defined by the time the module has been imported, so `config` is never set as an attribute.
//
// The element's own props below are the attributes, writable properties and events of
// custom-elements.json; tests/e2e/react.test.mjs holds them against it.

import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { BackupCreateDetail, Config, ConfigError, CreateBackupFormElement, Decision, LoadError } from './backup-form.js';

export * from './backup-form.js';

/** The props of <create-backup-form> that are the element's own. */
export interface CreateBackupFormAttributes {
  /** The config, set as the element's `config` property (never as JSON text in an attribute). Overrides `scenario`. */
  config?: Config;
  /** A built-in scenario id (`scenarios()` lists them); the attribute `scenario`. */
  scenario?: string;
  /** Keeps the whole form state in the URL hash; read once, on connect. */
  'url-state'?: boolean;
  /** 'hidden' leaves the inventory editor out of the training panels; read once, on connect. */
  'inventory-editor'?: 'shown' | 'hidden';
  /** `backup-change`: the Decision, once on start and after every change. */
  'onbackup-change'?: (event: CustomEvent<Decision>) => void;
  /** `backup-create`: the request to send to Portworx Backup, when Create is pressed and the backup can be created. */
  'onbackup-create'?: (event: CustomEvent<BackupCreateDetail>) => void;
  /** `backup-config-error`: `{ message, path }` when a config is rejected (the widget keeps its last good state). */
  'onbackup-config-error'?: (event: CustomEvent<ConfigError>) => void;
  /** `backup-load-error`: `{ message }` when the widget cannot start on this page (its files, the CSP, Trusted Types). */
  'onbackup-load-error'?: (event: CustomEvent<LoadError>) => void;
}

/** All props of <create-backup-form> in JSX: its own, and React's usual ones (`id`, `className`, `style`, `key`, `ref`, ...). */
export interface CreateBackupFormProps
  extends CreateBackupFormAttributes,
    DetailedHTMLProps<HTMLAttributes<CreateBackupFormElement>, CreateBackupFormElement> {}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'create-backup-form': CreateBackupFormProps;
    }
  }
}
