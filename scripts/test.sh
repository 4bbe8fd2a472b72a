#!/usr/bin/env bash
# Runs every test of the project: the Rust workspace (unit, integration,
# snapshot and doc tests). This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --workspace --locked
