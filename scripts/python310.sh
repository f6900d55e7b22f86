#!/usr/bin/env bash
# Prints the path of a working Python 3.10 (Rasa 3.6 supports 3.8-3.10 only).
# `python3.10` may be a pyenv shim that fails unless pyenv selects 3.10, so
# each candidate is run, not just looked up.
probe() { "$@" -c 'import sys; assert sys.version_info[:2] == (3, 10); print(sys.executable)' 2>/dev/null; }

probe python3.10 ||
  PYENV_VERSION=3.10.13 probe python3.10 ||
  probe "$HOME/.pyenv/versions/3.10.13/bin/python3.10" || {
    echo "error: no working Python 3.10 (tried python3.10, PYENV_VERSION=3.10.13 python3.10," \
         "$HOME/.pyenv/versions/3.10.13/bin/python3.10). Install it, e.g. 'pyenv install 3.10.13'." >&2
    exit 1
  }
