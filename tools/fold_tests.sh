#!/usr/bin/env bash
# Folds integration tests that arrive as separate files (tests/*.rs and their snapshots in
# tests/snapshots/, e.g. from a branch made before the tests became one binary) into
# tests/it: the file becomes a module of the one test binary, its snapshots are renamed the
# way insta names them there (it__<module>__<name>.snap). Run it after such a merge, then
# `cargo test --test it <module>::` with INSTA_UPDATE=no to see that none is new.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
for f in tests/*.rs; do
    m=$(basename "$f" .rs)
    git mv "$f" "tests/it/$m.rs"
    sed -i -e 's/^mod common;$/use crate::common;/' \
        -e 's#include_str!("fixtures/#include_str!("../fixtures/#' \
        -e 's#include_str!("\.\./\([a-z]\)#include_str!("../../\1#' "tests/it/$m.rs"
    grep -qx "mod $m;" tests/it/main.rs || echo "mod $m;" >> tests/it/main.rs
    echo "folded $f into tests/it/$m.rs"
done
for s in tests/snapshots/*.snap; do
    b=$(basename "$s")
    git mv "$s" "tests/it/snapshots/it__$b"
    sed -i -E 's#^source: tests/([a-z0-9_]+)\.rs$#source: tests/it/\1.rs#' "tests/it/snapshots/it__$b"
    echo "moved $s"
done
