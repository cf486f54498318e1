#!/usr/bin/env bash
# Installs everything `make build`, `make serve` and `make test` need, on a fresh
# Debian machine (run as root) or an already equipped one.
#
# Idempotent and cheap when everything is there: every step first checks what is
# installed (command -v + version) and only then installs. `apt-get update` runs
# only when an apt package is missing. Nothing here downloads a prebuilt binary:
# Rust tools are compiled by `cargo install`, the browser and wasm-opt come from
# Debian, JS dev dependencies from the npm registry (package-lock.json).
#
# Usage: scripts/setup.sh            (from anywhere; works on the repo it lives in)
# Env:   WASM_PACK_VERSION            override the pinned wasm-pack version
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive

# Pinned tool versions. wasm-bindgen-cli MUST equal the crate's `wasm-bindgen = "=X"`
# pin (the CLI and the library must agree on the ABI), so it is read from Cargo.toml.
WASM_PACK_VERSION="${WASM_PACK_VERSION:-0.15.1}"
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen *= *"=\([0-9][0-9.]*\)".*/\1/p' Cargo.toml | head -n 1)"
if [ -z "$WASM_BINDGEN_VERSION" ]; then
    echo "setup: cannot read the exact wasm-bindgen pin (wasm-bindgen = \"=X.Y.Z\") from Cargo.toml" >&2
    exit 1
fi
# fonts-liberation: chromium-common only recommends it, and --no-install-recommends
# below skips recommends; without it pages (and screenshots) render with fallback fonts.
APT_PACKAGES=(chromium chromium-driver binaryen fonts-liberation)
NODE_MIN_MAJOR=20

say() { echo "setup: $*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- apt packages
apt_missing=()
for p in "${APT_PACKAGES[@]}"; do
    if [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)" != "installed" ]; then
        apt_missing+=("$p")
    fi
done
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    # Debian's own nodejs; a machine that already has a newer Node (nodesource) keeps it.
    command -v node >/dev/null || apt_missing+=(nodejs)
    command -v npm >/dev/null || apt_missing+=(npm)
fi
if [ "${#apt_missing[@]}" -gt 0 ]; then
    say "apt-get install ${apt_missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${apt_missing[@]}"
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge "$NODE_MIN_MAJOR" ] ||
    die "Node.js >= $NODE_MIN_MAJOR is needed (playwright-core), found $(node --version)"

# ---------------------------------------------------------------- Rust
command -v cargo >/dev/null && command -v rustup >/dev/null ||
    die "cargo and rustup are needed (the machine's Rust toolchain)"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi

# cargo fmt / clippy are rustup components of the default toolchain.
for comp in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$comp"; then
        say "rustup component add $comp"
        rustup component add "$comp"
    fi
done

# `cargo install NAME VERSION [--bin-check CMD]`: --locked first (reproducible); if the
# crate's own lockfile names a version the registry no longer serves (seen here:
# wasm-bindgen-cli 0.2.130 locks webpki-roots 1.0.11), fall back to a fresh resolution.
cargo_install() {
    local name="$1" version="$2"
    say "cargo install $name --version $version --locked"
    if ! cargo install "$name" --version "$version" --locked; then
        say "cargo install --locked failed for $name; retrying without --locked"
        cargo install "$name" --version "$version" --force
    fi
}

have_version() { # have_version CMD EXPECTED: `CMD --version` prints EXPECTED as a word
    command -v "$1" >/dev/null && "$1" --version 2>/dev/null | grep -qw -- "$2"
}

if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION" ||
    ! have_version wasm-bindgen-test-runner "$WASM_BINDGEN_VERSION"; then
    cargo_install wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
fi
if ! have_version wasm-pack "$WASM_PACK_VERSION"; then
    cargo_install wasm-pack "$WASM_PACK_VERSION"
fi

# ---------------------------------------------------------------- npm
# `npm ci` only when node_modules is missing or older than the lockfile / package.json
# (npm writes node_modules/.package-lock.json at the end of every install).
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    touch "$stamp"
fi

say "ok (wasm-bindgen $WASM_BINDGEN_VERSION, wasm-pack $WASM_PACK_VERSION, $(wasm-opt --version 2>/dev/null | head -n 1), $(chromium --version 2>/dev/null | head -n 1), node $(node --version))"
