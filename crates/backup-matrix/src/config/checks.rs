//! The rules a config's types cannot say: limits, names, duplicates, references. Every error
//! names the field as the host wrote it.

use super::{
    Config, ConfigError, Provisioner, Selection, MAX_CHOICES, MAX_NAMESPACES, MAX_NAME_LEN, MAX_PROVISIONERS,
    MAX_VSCS_PER_PROVISIONER,
};

impl Config {
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.validate_at(&FieldPaths::own_all(&self.provisioners))
    }

    /// `validate`, with errors about `provisioners[i]` put at `origins[i]`.
    pub(crate) fn validate_at(&self, origins: &[FieldPaths]) -> Result<(), ConfigError> {
        if self.provisioners.is_empty() {
            return Err(ConfigError::new(
                "provisioners",
                "list at least one CSI provisioner (or give `kubernetes` lists that name one)",
            ));
        }
        if self.provisioners.len() > MAX_PROVISIONERS {
            return Err(ConfigError::new(
                "provisioners",
                format!(
                    "{} provisioners given; at most {MAX_PROVISIONERS} are accepted",
                    self.provisioners.len()
                ),
            ));
        }
        let repeated_provisioner = first_repeat(self.provisioners.iter().map(|p| p.name.as_str()));
        // VSC names are cluster-wide: one list of (provisioner, class) over all provisioners.
        let classes: Vec<(usize, usize)> = (self.provisioners.iter().enumerate())
            .flat_map(|(p, provisioner)| (0..provisioner.volume_snapshot_classes.len()).map(move |c| (p, c)))
            .collect();
        let class_name =
            |&(p, c): &(usize, usize)| self.provisioners[p].volume_snapshot_classes[c].name.as_str();
        let repeated_class = first_repeat(classes.iter().map(class_name))
            .map(|(later, earlier)| (classes[later], self.provisioners[classes[earlier].0].name.as_str()));
        for (index, (provisioner, at)) in self.provisioners.iter().zip(origins).enumerate() {
            check_provisioner_name(&provisioner.name, &at.name)?;
            if repeated_provisioner.is_some_and(|(later, _)| later == index) {
                return Err(ConfigError::new(
                    &at.name,
                    format!(
                        "provisioner \"{}\" is listed twice; list each provisioner once",
                        provisioner.name
                    ),
                ));
            }
            let repeated = repeated_class.filter(|((p, _), _)| *p == index).map(|((_, c), owner)| (c, owner));
            validate_classes(provisioner, at, repeated)?;
        }
        if !self.backup_name.is_empty() {
            if let Err(problem) = check_object_name(&self.backup_name) {
                return Err(ConfigError::new("backupName", problem));
            }
        }
        self.validate_choices()
    }

    fn validate_choices(&self) -> Result<(), ConfigError> {
        if let Some(cluster) = &self.cluster {
            check_named(&cluster.name, "cluster.name")?;
            check_uid(cluster.uid.as_deref(), "cluster.uid")?;
        }
        check_named(&self.org_id, "orgId")?;
        if self.backup_locations.is_empty() {
            return Err(ConfigError::new("backupLocations", "list at least one backup location"));
        }
        check_count("backupLocations", self.backup_locations.len(), MAX_CHOICES)?;
        for (index, location) in self.backup_locations.iter().enumerate() {
            check_named(&location.name, &format!("backupLocations[{index}].name"))?;
            check_uid(location.uid.as_deref(), &format!("backupLocations[{index}].uid"))?;
        }
        if let Some(name) = &self.backup_location {
            if self.location().is_none() {
                return Err(ConfigError::new(
                    "backupLocation",
                    format!("\"{name}\" is not one of backupLocations"),
                ));
            }
        }
        check_count("namespaces", self.namespaces.len(), MAX_NAMESPACES)?;
        for (index, namespace) in self.namespaces.iter().enumerate() {
            if let Err(problem) = check_label(namespace) {
                return Err(ConfigError::new(format!("namespaces[{index}]"), problem));
            }
        }
        check_count("schedulePolicies", self.schedule_policies.len(), MAX_CHOICES)?;
        for (index, policy) in self.schedule_policies.iter().enumerate() {
            check_named(&policy.name, &policy.name_path(index))?;
            check_uid(policy.uid.as_deref(), &format!("schedulePolicies[{index}].uid"))?;
        }
        if let Some(name) = &self.schedule_policy {
            if self.policy().is_none() {
                return Err(ConfigError::new(
                    "schedulePolicy",
                    format!("\"{name}\" is not one of schedulePolicies"),
                ));
            }
        }
        Ok(())
    }
}

fn check_count(path: &str, count: usize, max: usize) -> Result<(), ConfigError> {
    if count > max {
        return Err(ConfigError::new(path, format!("{count} entries given; at most {max} are accepted")));
    }
    Ok(())
}

fn check_named(name: &str, path: &str) -> Result<(), ConfigError> {
    check_object_name(name).map_err(|problem| ConfigError::new(path, problem))
}

/// A Portworx Backup uid, when given: at most 253 letters, digits, '-', '_' and '.' (a UUID).
fn check_uid(uid: Option<&str>, path: &str) -> Result<(), ConfigError> {
    let Some(uid) = uid else { return Ok(()) };
    if uid.is_empty() {
        return Err(ConfigError::new(path, "the uid is empty; leave it out when it is not known"));
    }
    if !uid.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')) {
        return Err(ConfigError::new(
            path,
            format!("{} is not a valid uid: use only letters, digits, '-', '_' and '.'", crate::quoted(uid)),
        ));
    }
    if uid.len() > MAX_NAME_LEN {
        return Err(ConfigError::new(
            path,
            format!("the uid is {} characters long; at most {MAX_NAME_LEN} are allowed", uid.len()),
        ));
    }
    Ok(())
}

/// Where one provisioner's fields are in the config text: in its own `provisioners` entry,
/// or, for one folded in from the `kubernetes` lists, in those lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPaths {
    pub name: String,
    pub classes: String,
    /// For each volume snapshot class: the path of its name, and of its default mark.
    pub class_fields: Vec<(String, String)>,
    pub selection: String,
}

impl FieldPaths {
    /// The paths of `provisioners[index]`, as written in the config.
    pub fn own(index: usize, provisioner: &Provisioner) -> FieldPaths {
        let at = format!("provisioners[{index}]");
        FieldPaths {
            name: format!("{at}.name"),
            classes: format!("{at}.volumeSnapshotClasses"),
            class_fields: (0..provisioner.volume_snapshot_classes.len())
                .map(|i| {
                    (
                        format!("{at}.volumeSnapshotClasses[{i}].name"),
                        format!("{at}.volumeSnapshotClasses[{i}].default"),
                    )
                })
                .collect(),
            selection: format!("{at}.volumeSnapshotClass"),
        }
    }

    pub(crate) fn own_all(provisioners: &[Provisioner]) -> Vec<FieldPaths> {
        provisioners.iter().enumerate().map(|(index, p)| FieldPaths::own(index, p)).collect()
    }
}

fn validate_classes(
    provisioner: &Provisioner,
    at: &FieldPaths,
    repeated: Option<(usize, &str)>,
) -> Result<(), ConfigError> {
    let classes = &provisioner.volume_snapshot_classes;
    if classes.len() > MAX_VSCS_PER_PROVISIONER {
        return Err(ConfigError::new(
            &at.classes,
            format!(
                "{} volume snapshot classes given; at most {MAX_VSCS_PER_PROVISIONER} per provisioner are accepted",
                classes.len()
            ),
        ));
    }
    for (index, (class, (path, _))) in classes.iter().zip(&at.class_fields).enumerate() {
        check_named(&class.name, path)?;
        if let Some((_, owner)) = repeated.filter(|(at, _)| *at == index) {
            return Err(ConfigError::new(
                path,
                format!(
                    "volume snapshot class \"{}\" is listed twice (also under \"{owner}\"); VSC names are cluster-wide",
                    class.name
                ),
            ));
        }
    }
    let defaults: Vec<usize> = (0..classes.len()).filter(|&i| classes[i].default).collect();
    if let [_, second, ..] = defaults.as_slice() {
        return Err(ConfigError::new(
            &at.class_fields[*second].1,
            format!(
                "{} volume snapshot classes of \"{}\" are marked default; Kubernetes then uses none of them as default, so mark at most one",
                defaults.len(),
                provisioner.name
            ),
        ));
    }
    let path = &at.selection;
    match &provisioner.volume_snapshot_class {
        Selection::Named(name) if provisioner.is_portworx() => Err(ConfigError::new(
            path,
            format!(
                "\"{}\" is a Portworx provisioner: its volume snapshot class is always disabled, so it cannot select \"{name}\"",
                provisioner.name
            ),
        )),
        Selection::Named(name) if !classes.iter().any(|c| &c.name == name) => Err(ConfigError::new(
            path,
            format!("\"{name}\" is not one of the volume snapshot classes of \"{}\"", provisioner.name),
        )),
        Selection::NoClass if classes.len() == 1 && !provisioner.is_portworx() => Err(ConfigError::new(
            path,
            format!(
                "\"{}\" has a single volume snapshot class, which is always auto-populated; it cannot be unselected",
                provisioner.name
            ),
        )),
        _ => Ok(()),
    }
}

/// The first name, in order, that an earlier one repeats: `(its index, the earlier one's)`.
/// Sorted rather than hashed: the config is at most 100,000 names, and a sort links no hasher.
fn first_repeat<'a>(names: impl Iterator<Item = &'a str>) -> Option<(usize, usize)> {
    let sorted = sorted_names(names);
    sorted.windows(2).filter(|pair| pair[0].0 == pair[1].0).map(|pair| (pair[1].1, pair[0].1)).min()
}

/// Each name with its index, sorted by name (then index). The one sort of the crate: every sort is
/// another copy of the sorting code in the wasm.
pub(crate) fn sorted_names<'a>(names: impl Iterator<Item = &'a str>) -> Vec<(&'a str, usize)> {
    let mut sorted: Vec<(&str, usize)> = names.enumerate().map(|(index, name)| (name, index)).collect();
    sorted.sort_unstable();
    sorted
}

fn check_length(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("the name is empty".to_owned());
    }
    let length = name.chars().count();
    if length > MAX_NAME_LEN {
        return Err(format!("the name is {length} characters long; at most {MAX_NAME_LEN} are allowed"));
    }
    Ok(())
}

/// A Kubernetes object name: a lowercase RFC 1123 subdomain of at most 253 characters.
pub fn check_object_name(name: &str) -> Result<(), String> {
    check_length(name)?;
    for label in name.split('.') {
        check_label_chars(label).map_err(|problem| format!("\"{name}\" is not a valid name: {problem}"))?;
    }
    Ok(())
}

/// A namespace: a lowercase RFC 1123 label of at most 63 characters.
pub fn check_label(name: &str) -> Result<(), String> {
    check_length(name)?;
    if name.len() > 63 {
        return Err(format!("\"{name}\" is longer than 63 characters, the limit for a namespace"));
    }
    if name.contains('.') {
        return Err(format!(
            "\"{name}\" is not a valid namespace: use only lowercase letters, digits and '-'"
        ));
    }
    check_label_chars(name).map_err(|problem| format!("\"{name}\" is not a valid namespace: {problem}"))
}

fn check_label_chars(label: &str) -> Result<(), &'static str> {
    let bytes = label.as_bytes();
    if bytes.is_empty() {
        return Err("it has an empty part between dots");
    }
    if !bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-' || *b == b'.') {
        return Err("use only lowercase letters, digits, '-' and '.'");
    }
    let alphanumeric = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    if !alphanumeric(&bytes[0]) || !alphanumeric(&bytes[bytes.len() - 1]) {
        return Err("start and end with a lowercase letter or digit");
    }
    Ok(())
}

/// A provisioner (CSI driver or in-tree plugin) name: an optional DNS-subdomain prefix and a
/// slash, then a name of letters, digits, '-', '_' and '.', as Kubernetes validates them.
pub fn check_provisioner_name(name: &str, path: &str) -> Result<(), ConfigError> {
    let fail = |problem: String| ConfigError::new(path, problem);
    check_length(name).map_err(fail)?;
    let (prefix, last) = match name.split_once('/') {
        Some((prefix, last)) => (Some(prefix), last),
        None => (None, name),
    };
    if let Some(prefix) = prefix {
        check_object_name(&prefix.to_ascii_lowercase()).map_err(|_| {
            fail(format!(
                "\"{name}\" is not a valid provisioner name: its prefix before '/' must be a DNS name"
            ))
        })?;
    }
    let bytes = last.as_bytes();
    let inner_ok = bytes.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    let ends_ok = bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric);
    if !inner_ok || !ends_ok {
        return Err(fail(format!(
            "\"{name}\" is not a valid provisioner name: use letters, digits, '-', '_' and '.', starting and ending with a letter or digit"
        )));
    }
    Ok(())
}
