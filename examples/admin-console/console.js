// An admin console in miniature: reads the cluster's inventory (here from two JSON files, in a
// real console from the Kubernetes API), mounts the widget with it, listens to its events, and
// on Create calls Portworx Backup's API with the request the widget hands over: its method and
// path, after the API base URL of the console's own settings, with the body as it is.
import { mount } from '../../dist/backup-form.js';

const element = document.getElementById('widget');
const storageText = document.getElementById('storage-classes');
const snapshotText = document.getElementById('snapshot-classes');
const result = document.getElementById('apply-result');

const [storageClasses, volumeSnapshotClasses] = await Promise.all(
  ['storageclasses.json', 'volumesnapshotclasses.json'].map((file) => fetch(file).then((r) => r.json())),
);
storageText.value = JSON.stringify(storageClasses, null, 2);
snapshotText.value = JSON.stringify(volumeSnapshotClasses, null, 2);

const configFor = (storage, snapshots) => ({
  kubernetes: { storageClasses: storage, volumeSnapshotClasses: snapshots },
  // The application cluster this console manages, as Portworx Backup knows it.
  cluster: { name: 'prod-eu-1' },
  orgId: 'default',
  backupName: 'orders-nightly',
  namespaces: ['orders', 'payments'],
  backupLocations: [
    { name: 'eu-s3-backups', type: 's3' },
    { name: 'eu-nfs-archive', type: 'nfs' },
  ],
  schedulePolicies: ['nightly-7d', 'hourly-24h'],
});

element.addEventListener('backup-change', (event) => {
  const { canCreate, provisioners } = event.detail;
  const types = provisioners.map((p) => `${p.name}: ${p.backupType}`).join('; ');
  document.getElementById('last-change').textContent = `${canCreate ? 'can create' : 'fails'} (${types})`;
});
// The console's own settings: where Portworx Backup's API is, and the user's token. Both are
// empty by default; they are never stored.
const apiBase = document.getElementById('api-base');
const apiToken = document.getElementById('api-token');
const createStatus = document.getElementById('create-status');
const createCall = document.getElementById('create-call');
const createRequest = document.getElementById('create-request');
const createResponse = document.getElementById('create-response');

element.addEventListener('backup-create', async (event) => {
  const { method, path, body } = event.detail;
  const base = apiBase.value.trim().replace(/\/+$/, '');
  const token = apiToken.value.trim();
  createCall.textContent = `${method} ${base}${path}`;
  createRequest.textContent = JSON.stringify(body, null, 2);
  createResponse.hidden = true;
  createResponse.textContent = '';
  if (!base) {
    createStatus.textContent = 'Not sent: no API base URL is set. This is the call the console would make.';
    return;
  }
  createStatus.textContent = 'Sending…';
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    const response = await fetch(`${base}${path}`, { method, headers, body: JSON.stringify(body) });
    const text = await response.text();
    createStatus.textContent = response.ok
      ? `Portworx Backup accepted it: HTTP ${response.status}.`
      : `Portworx Backup refused it: HTTP ${response.status} ${response.statusText}.`;
    createResponse.textContent = text;
    createResponse.hidden = text === '';
  } catch (error) {
    createStatus.textContent = `Not sent: ${error.message}`;
  }
});
element.addEventListener('backup-config-error', (event) => {
  result.textContent = `Not applied: ${event.detail.message} (at ${event.detail.path})`;
});

const handle = mount(element, configFor(storageClasses, volumeSnapshotClasses));

document.getElementById('apply').addEventListener('click', () => {
  let storage, snapshots;
  try {
    storage = JSON.parse(storageText.value);
    snapshots = JSON.parse(snapshotText.value);
  } catch (error) {
    result.textContent = `Not applied: the pasted text is not JSON (${error.message})`;
    return;
  }
  const error = handle.update(configFor(storage, snapshots));
  if (!error) result.textContent = 'Inventory applied.';
});
