"""Cluster fixtures from the Kubernetes API test server (tests/apiserver)."""

import os
import sys

# tests/ holds the apiserver package; pytest puts it on sys.path only in some import modes.
_TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

from apiserver.fixtures import apiserver, cluster, server_client, test_server  # noqa: E402

__all__ = ["apiserver", "cluster", "server_client", "test_server"]
