#!/usr/bin/env bash
# Runs every test of the project: the Rust workspace (unit, integration,
# snapshot and doc tests), then the Python package, built into a virtual
# environment this script creates. This is the README's test command and
# what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

# Rust. The Python module is tested from Python below.
cargo test --workspace --locked --exclude kommunbench-py

# Python: maturin, pytest and polars from PyPI, the module built in place.
venv="target/py-test-venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "maturin>=1.7,<2" "pytest>=8" "polars>=1.20,<3"
VIRTUAL_ENV="$PWD/$venv" PATH="$PWD/$venv/bin:$PATH" \
    "$venv/bin/maturin" develop --quiet --locked -m crates/kommunbench-py/Cargo.toml
"$venv/bin/python" -m pytest -q -p no:cacheprovider crates/kommunbench-py/tests
