//! Kubernetes resource quantities for PVC sizes (`500Mi`, `10Gi`, `1.5Ti`, `2G`, `1e3`), as
//! whole bytes, and the KDMP buffer the source asks for before a KDMP backup. Exact integer
//! arithmetic throughout: no floating point, no overflow, no panic.

use crate::quoted;
use crate::tables::KDMP_BUFFER_FACTOR;

/// The largest size accepted, in bytes: 2^100 (1,099,511,627,776 EiB), far beyond any PVC.
pub const MAX_BYTES: u128 = 1 << 100;

/// The longest quantity text accepted, in characters.
pub const MAX_QUANTITY_LEN: usize = 128;

/// The most sizes `parse_quantities` accepts in one list.
pub const MAX_QUANTITIES: usize = 1000;

/// How many significant fraction digits are kept exactly; any further non-zero digit only
/// rounds the result up, which is all it can change.
const KEPT_FRACTION_DIGITS: usize = 38;

/// The suffixes Kubernetes defines: binary ones as a power of two, decimal ones as a power of ten.
const BINARY_SUFFIXES: [(&str, u32); 6] =
    [("Ki", 10), ("Mi", 20), ("Gi", 30), ("Ti", 40), ("Pi", 50), ("Ei", 60)];
const DECIMAL_SUFFIXES: [(&str, i64); 10] =
    [("n", -9), ("u", -6), ("m", -3), ("", 0), ("k", 3), ("M", 6), ("G", 9), ("T", 12), ("P", 15), ("E", 18)];

const SUFFIX_HELP: &str =
    "use Ki, Mi, Gi, Ti, Pi or Ei (powers of 1024) or k, M, G, T, P or E (powers of 1000)";

/// The error for a size above `MAX_BYTES`.
fn too_large(text: &str) -> String {
    format!(
        "{} is too large: sizes up to 2^100 bytes (1,099,511,627,776 EiB) are accepted; check the number and its suffix",
        quoted(text)
    )
}

/// The error for text that is not a number with a suffix.
fn not_a_quantity(text: &str) -> String {
    format!(
        "{} is not a size: write a number with an optional suffix, such as 500Mi, 10Gi, 1.5Ti or 2G",
        quoted(text)
    )
}

/// The multiplier a suffix stands for: a power of two or of ten.
enum Scale {
    Binary(u32),
    Decimal(i64),
}

/// Splits `1.5Gi` into its number `1.5` and its suffix `Gi`.
fn split_number(text: &str) -> (&str, &str) {
    let end = text.bytes().position(|b| !(b.is_ascii_digit() || b == b'.')).unwrap_or(text.len());
    text.split_at(end)
}

/// The multiplier of a suffix: binary, decimal or an exponent such as `e3`.
fn parse_scale(text: &str, suffix: &str) -> Result<Scale, String> {
    if let Some((_, power)) = BINARY_SUFFIXES.iter().find(|(s, _)| *s == suffix) {
        return Ok(Scale::Binary(*power));
    }
    if let Some((_, power)) = DECIMAL_SUFFIXES.iter().find(|(s, _)| *s == suffix) {
        return Ok(Scale::Decimal(*power));
    }
    if let Some(exponent) = suffix.strip_prefix(['e', 'E']) {
        let digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return exponent
                .parse::<i64>()
                .ok()
                .filter(|e| e.unsigned_abs() <= 1_000_000)
                .map(Scale::Decimal)
                .ok_or_else(|| {
                    format!(
                        "{} has an exponent out of range: write it within e-1000000 to e1000000",
                        quoted(text)
                    )
                });
        }
    }
    let hint = BINARY_SUFFIXES
        .iter()
        .map(|(s, _)| *s)
        .chain(DECIMAL_SUFFIXES.iter().map(|(s, _)| *s))
        .find(|known| !known.is_empty() && known.eq_ignore_ascii_case(suffix))
        .map(|known| format!(" (suffixes are case-sensitive: did you mean \"{known}\"?)"))
        .unwrap_or_default();
    Err(format!("{} has an unknown suffix \"{suffix}\": {SUFFIX_HELP}{hint}", quoted(text)))
}

/// Parses a Kubernetes quantity such as `500Mi`, `10Gi`, `1.5Ti`, `2G` or `1e3` into bytes, rounded up.
pub fn parse_quantity(text: &str) -> Result<u128, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("The size is empty: enter one, such as 10Gi or 500Mi".to_owned());
    }
    if text.chars().count() > MAX_QUANTITY_LEN {
        return Err(format!(
            "{} is {} characters long; a size is at most {MAX_QUANTITY_LEN}",
            quoted(text),
            text.chars().count()
        ));
    }
    let (negative, unsigned) = match text.as_bytes()[0] {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (number, suffix) = split_number(unsigned);
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && fraction.is_empty() || fraction.contains('.') {
        return Err(not_a_quantity(text));
    }
    let scale = parse_scale(text, suffix)?;
    // The value is 0.d1 d2 ... dn x 10^point, d1 the first non-zero digit.
    let all_digits = whole.bytes().chain(fraction.bytes()).map(|b| b - b'0');
    let leading_zeros = all_digits.clone().take_while(|d| *d == 0).count();
    let mut digits: Vec<u8> = all_digits.skip(leading_zeros).collect();
    while digits.last() == Some(&0) {
        digits.pop();
    }
    if digits.is_empty() {
        return Ok(0);
    }
    if negative {
        return Err(format!("{} is negative: a size is zero or more", quoted(text)));
    }
    let mut point = whole.len() as i64 - leading_zeros as i64;
    let binary_power = match scale {
        Scale::Binary(power) => power,
        Scale::Decimal(power) => {
            point += power;
            0
        }
    };
    // 10^32 > 2^106 > MAX_BYTES: an integer part of more than 32 digits is too large.
    if point > 32 {
        return Err(too_large(text));
    }
    // The integer part: the first `point` digits, padded with zeros when there are fewer.
    let split = point.clamp(0, digits.len() as i64) as usize;
    let padding = (point.max(0) as usize - split) as u32;
    let integer = digits[..split].iter().fold(0u128, |n, d| n * 10 + u128::from(*d)) * 10u128.pow(padding);
    // The fraction 0.f1 f2 ... fk, with the zeros between the point and the digits.
    let zeros_after_point = (-point).max(0) as usize;
    let bytes = integer.checked_mul(1u128 << binary_power).filter(|b| *b <= MAX_BYTES);
    let Some(bytes) = bytes else {
        return Err(too_large(text));
    };
    let fraction_digits = &digits[split..];
    if fraction_digits.is_empty() {
        return Ok(bytes);
    }
    let rounded_up = if zeros_after_point >= KEPT_FRACTION_DIGITS {
        // Below 10^-38 x 2^60 < 1 byte: the fraction only rounds up.
        1
    } else {
        let kept = (KEPT_FRACTION_DIGITS - zeros_after_point).min(fraction_digits.len());
        let sticky = kept < fraction_digits.len();
        let scale = 10u128.pow((zeros_after_point + kept) as u32);
        let mut numerator = fraction_digits[..kept].iter().fold(0u128, |n, d| n * 10 + u128::from(*d));
        // Doubling the fraction `binary_power` times moves its whole bytes into `carried`.
        let mut carried = 0u128;
        for _ in 0..binary_power {
            numerator *= 2;
            carried *= 2;
            if numerator >= scale {
                numerator -= scale;
                carried += 1;
            }
        }
        carried + u128::from(numerator != 0 || sticky)
    };
    bytes.checked_add(rounded_up).filter(|b| *b <= MAX_BYTES).ok_or_else(|| too_large(text))
}

/// Parses a list of quantities separated by commas or whitespace; on error, the bad entry's index.
///
/// Empty entries (as between `, `) are skipped, so an empty text is an empty list.
pub fn parse_quantities(text: &str) -> Result<Vec<u128>, (usize, String)> {
    let entries = text.split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty());
    let mut sizes = Vec::new();
    for (index, entry) in entries.enumerate() {
        if index >= MAX_QUANTITIES {
            return Err((index, format!("At most {MAX_QUANTITIES} sizes are accepted in one list")));
        }
        sizes.push(parse_quantity(entry).map_err(|message| (index, message))?);
    }
    Ok(sizes)
}

const UNITS: [&str; 9] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"];

/// Formats bytes in binary units with at most two decimals, such as "1 GiB", "1.5 TiB" or "2 B".
pub fn format_bytes(bytes: u128) -> String {
    let mut unit = UNITS.len() - 1;
    while unit > 0 && bytes < 1u128 << (10 * unit) {
        unit -= 1;
    }
    loop {
        let size = 1u128 << (10 * unit);
        let mut whole = bytes / size;
        let mut hundredths = ((bytes % size) * 100 + size / 2) / size;
        if hundredths == 100 {
            whole += 1;
            hundredths = 0;
        }
        if whole == 1024 && unit + 1 < UNITS.len() {
            unit += 1;
            continue;
        }
        let name = UNITS[unit];
        return match hundredths {
            0 => format!("{whole} {name}"),
            h if h % 10 == 0 => format!("{whole}.{} {name}", h / 10),
            h => format!("{whole}.{h:02} {name}"),
        };
    }
}

/// The KDMP buffer to allocate for PVCs of these sizes: `KDMP_BUFFER_FACTOR` x their sum, saturating at `u128::MAX`.
pub fn kdmp_buffer(sizes: &[u128]) -> u128 {
    sizes
        .iter()
        .fold(0u128, |sum, size| sum.saturating_add(*size))
        .saturating_mul(u128::from(KDMP_BUFFER_FACTOR))
}
