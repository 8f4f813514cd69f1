// An admin console in miniature: reads the cluster's inventory (here from two JSON files, in a
// real console from the Kubernetes API), mounts the widget with it, and listens to its events.
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
element.addEventListener('backup-create', (event) => {
  // A real console would POST this to Portworx Backup's API here.
  document.getElementById('create-request').textContent = JSON.stringify(event.detail, null, 2);
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
