"""Release-action tests: the shimmed test server and helpers (see fixtures.py)."""

import os
import sys

_TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

from action.fixtures import cfg, kube, kubeconfig, release_server, server  # noqa: E402

__all__ = ["cfg", "kube", "kubeconfig", "release_server", "server"]
