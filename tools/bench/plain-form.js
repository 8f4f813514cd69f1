// The baseline of the start benchmark: the Create Backup form's fields as a plain <form> in
// plain JavaScript, no wasm. It defines the same element name, fills in the same controls for
// the `mixed` scenario's five provisioners, and dispatches `backup-change` once it is on the
// page, so the bench's harness times it exactly as it times the widget.
const PROVISIONERS = ['pxd.portworx.com', 'efs.csi.aws.com', 'ebs.csi.aws.com', 'disk.csi.azure.com', 'pd.csi.storage.gke.io'];
let next = 0;

function field(form, label, control) {
  const id = `plain-${next++}`;
  control.id = id;
  const text = document.createElement('label');
  text.htmlFor = id;
  text.textContent = label;
  form.append(text, control);
  return control;
}

function select(options) {
  const element = document.createElement('select');
  for (const option of options) element.append(new Option(option, option));
  return element;
}

function input(type, value = '') {
  const element = document.createElement('input');
  element.type = type;
  element.value = value;
  return element;
}

class PlainBackupForm extends HTMLElement {
  connectedCallback() {
    const form = document.createElement('form');
    field(form, 'Cluster', input('text', 'prod-multicloud')).readOnly = true;
    field(form, 'Backup name', input('text', 'shop-backup'));
    field(form, 'Backup location', select(['s3-backups', 'azure-backups', 'gcs-backups', 'nfs-backups']));
    field(form, 'Namespaces', input('text', 'shop'));
    for (const [name, values] of [['kind', ['manual', 'scheduled']], ['object', ['namespace', 'vm']], ['mode', ['classic', 'federated']]]) {
      for (const value of values) field(form, value, Object.assign(input('radio', value), { name: `${name}-${next}` }));
    }
    for (const provisioner of PROVISIONERS) field(form, `Volume snapshot class for ${provisioner}`, select(['', `${provisioner}-vsc`]));
    field(form, 'Offload CSI snapshots to backup location', input('checkbox'));
    field(form, 'Cross Cloud Backup/Restore', input('checkbox'));
    const create = document.createElement('button');
    create.type = 'button';
    create.textContent = 'Create';
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.textContent = `${PROVISIONERS.length} provisioners`;
    form.append(create, status);
    this.append(form);
    this.dispatchEvent(new CustomEvent('backup-change', { detail: { canCreate: false }, bubbles: true, composed: true }));
  }
}

customElements.define('create-backup-form', PlainBackupForm);
