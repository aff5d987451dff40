"""A Kubernetes API server for tests (not shipped): ``APIServer`` in ``server.py``, fixtures in ``fixtures.py``."""
