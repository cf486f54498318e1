//! The course examples (`crate/course/`) and the CPython oracle (`tests/tools/`) are
//! copies of the project's shared reference (`../shared/course/`, `../shared/tools/`).
//! `tests/tools/shared.manifest` pins them: a fresh clone (no `../shared` beside it)
//! still checks every copy against it, and where `../shared` is there (a developer's
//! machine, CI) the copies and the manifest are checked against it byte for byte.

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Where the repository keeps its copy of `../shared/<path>`.
fn vendored(path: &str) -> PathBuf {
    match path.split_once('/') {
        Some(("course", name)) => root().join("crate/course").join(name),
        Some(("tools", name)) => root().join("tests/tools").join(name),
        _ => panic!("shared.manifest: unexpected path {path}"),
    }
}

/// FNV-1a, 64 bits: enough to notice an edited copy, and no dependency.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// (hash, size, path under ../shared) of every line of the manifest.
fn manifest() -> Vec<(u64, usize, String)> {
    std::fs::read_to_string(root().join("tests/tools/shared.manifest"))
        .expect("tests/tools/shared.manifest")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (
                u64::from_str_radix(f[0], 16).unwrap(),
                f[1].parse().unwrap(),
                f[2].to_string(),
            )
        })
        .collect()
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn the_vendored_course_and_oracle_are_the_shared_reference_byte_for_byte() {
    let entries = manifest();
    // The course: 10 examples with their .out, two .err and the README.
    let course: Vec<String> = entries
        .iter()
        .filter_map(|(_, _, p)| p.strip_prefix("course/").map(str::to_string))
        .collect();
    assert!(
        course.len() >= 23,
        "only {} course files pinned",
        course.len()
    );
    assert_eq!(
        listing(&root().join("crate/course")),
        course,
        "crate/course/ holds exactly the pinned files"
    );
    assert!(entries
        .iter()
        .any(|(_, _, p)| p == "tools/cpython_vclock.py"));
    for (hash, size, path) in &entries {
        let bytes = std::fs::read(vendored(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(
            (fnv1a(&bytes), bytes.len()),
            (*hash, *size),
            "the copy of {path} was edited: the shared reference is never changed to make a test pass"
        );
    }
    let shared = root().join("../shared");
    if !shared.join("course").is_dir() {
        eprintln!("../shared is not beside this clone: checked the copies against the manifest");
        return;
    }
    let theirs = listing(&shared.join("course"));
    assert_eq!(
        theirs, course,
        "../shared/course changed: re-vendor it and the manifest"
    );
    for (_, _, path) in &entries {
        assert!(
            std::fs::read(shared.join(path)).unwrap() == std::fs::read(vendored(path)).unwrap(),
            "{path} differs from ../shared/{path}: copy it again and update tests/tools/shared.manifest"
        );
    }
}

#[test]
fn the_manifest_hash_is_fnv1a() {
    // The published FNV-1a 64 test vectors: the manifest's hashes mean what they say.
    assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
}
