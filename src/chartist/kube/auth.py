"""Request credentials: bearer tokens, token files, basic auth, exec plugins, impersonation.

:class:`Credentials` answers two questions per request: which ``Authorization`` header to send
and which client certificate the TLS layer presents. Token files are re-read every minute (a
projected service-account token rotates) and after a 401. Exec plugins
(``client.authentication.k8s.io/v1`` and ``v1beta1``) run once and their ExecCredential is cached,
per plugin configuration and server, for the whole process until its ``expirationTimestamp``
passes or the server answers 401 — the same rules as client-go's exec authenticator.
"""

from __future__ import annotations

import base64
import json
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from chartist.kube.config import ExecConfig, RestConfig
from chartist.kube.errors import ExecPluginError, KubeConfigError

#: How long a token file's content is trusted before it is read again (client-go: one minute).
TOKEN_FILE_TTL = 60.0
#: An exec plugin that runs longer than this is stopped (it would otherwise hang the command).
EXEC_TIMEOUT = 300.0


@dataclass(frozen=True, slots=True)
class ExecCredential:
    """What an exec plugin returned."""

    token: str = ""
    client_cert_data: bytes = b""
    client_key_data: bytes = b""
    expires: float | None = None  # epoch seconds


_exec_cache: dict[tuple[ExecConfig, str], ExecCredential] = {}
_exec_lock = threading.Lock()


def clear_exec_cache() -> None:
    """Forget every cached exec credential (tests; a user switching accounts)."""
    with _exec_lock:
        _exec_cache.clear()


def _parse_time(text: str) -> float:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except ValueError as err:
        raise ExecPluginError(f"exec plugin returned an invalid expirationTimestamp {text!r}") from err


Runner = Callable[..., "subprocess.CompletedProcess[bytes]"]


def run_exec_plugin(config: RestConfig, run: Runner = subprocess.run) -> ExecCredential:
    """Run ``config.exec`` and parse its ExecCredential.

    Raises ExecPluginError when the command is missing, fails, or prints something that is not
    an ExecCredential of the configured apiVersion with a token or a certificate and key.
    """
    import shutil

    exe = config.exec
    assert exe is not None
    env = dict(config.env)
    env.update(exe.env)
    command = exe.command
    if "/" not in command:
        found = shutil.which(command, path=env.get("PATH", ""))
        if not found:
            hint = f"\n\n{exe.install_hint}" if exe.install_hint else ""
            raise ExecPluginError(f'exec plugin: executable "{command}" not found{hint}')
        command = found
    interactive = exe.interactive_mode == "Always"
    spec: dict[str, Any] = {"interactive": interactive}
    if exe.provide_cluster_info:
        cluster: dict[str, Any] = {"server": config.server}
        if config.tls_server_name:
            cluster["tls-server-name"] = config.tls_server_name
        if config.insecure:
            cluster["insecure-skip-tls-verify"] = True
        if config.ca_data:
            cluster["certificate-authority-data"] = base64.b64encode(config.ca_data).decode()
        if config.proxy_url:
            cluster["proxy-url"] = config.proxy_url
        if config.exec_cluster_config is not None:
            cluster["config"] = config.exec_cluster_config
        spec["cluster"] = cluster
    env["KUBERNETES_EXEC_INFO"] = json.dumps(
        {"kind": "ExecCredential", "apiVersion": exe.api_version, "spec": spec}
    )
    try:
        proc = run(
            [command, *exe.args],
            env=env,
            stdin=None if interactive else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=None if interactive else subprocess.PIPE,
            timeout=EXEC_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as err:
        raise ExecPluginError(f'exec plugin: running "{command}": {err}') from err
    if proc.returncode != 0:
        stderr = (proc.stderr or b"").decode(errors="replace").strip()
        detail = f": {stderr}" if stderr else ""
        raise ExecPluginError(f'exec plugin: "{exe.command}" failed with exit code {proc.returncode}{detail}')
    try:
        doc = json.loads(proc.stdout or b"")
    except ValueError as err:
        raise ExecPluginError(f"exec plugin: decoding stdout: {err}") from err
    if not isinstance(doc, dict) or doc.get("kind") != "ExecCredential":
        raise ExecPluginError("exec plugin: stdout is not an ExecCredential")
    if doc.get("apiVersion") != exe.api_version:
        raise ExecPluginError(
            f"exec plugin is configured to use API version {exe.api_version}, "
            f"plugin returned version {doc.get('apiVersion')}"
        )
    status = doc.get("status") or {}
    token = str(status.get("token") or "")
    cert = str(status.get("clientCertificateData") or "").encode()
    key = str(status.get("clientKeyData") or "").encode()
    if bool(cert) != bool(key):
        raise ExecPluginError("exec plugin: clientCertificateData and clientKeyData must both be set")
    if not token and not cert:
        raise ExecPluginError("exec plugin didn't return a token or cert/key pair")
    expires = _parse_time(str(status["expirationTimestamp"])) if status.get("expirationTimestamp") else None
    return ExecCredential(token=token, client_cert_data=cert, client_key_data=key, expires=expires)


class Credentials:
    """Authentication and impersonation for one :class:`RestConfig`; safe to share between threads."""

    def __init__(
        self, config: RestConfig, *, clock: Callable[[], float] = time.time, run: Runner = subprocess.run
    ) -> None:
        self._config = config
        self._clock = clock
        self._run = run
        self._lock = threading.Lock()
        self._file_token = ""
        self._file_read_at = -1e18
        self.static_headers = self._impersonation_headers()

    def _impersonation_headers(self) -> dict[str, str]:
        cfg = self._config
        headers: dict[str, str] = {}
        if cfg.impersonate_user:
            headers["Impersonate-User"] = cfg.impersonate_user
        if cfg.impersonate_uid:
            headers["Impersonate-Uid"] = cfg.impersonate_uid
        return headers

    def impersonate_groups(self) -> tuple[str, ...]:
        """Groups to send as repeated ``Impersonate-Group`` headers."""
        return self._config.impersonate_groups

    def impersonate_extra(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """``Impersonate-Extra-<key>`` headers (one per value)."""
        return self._config.impersonate_extra

    def _exec_credential(self, *, refresh: bool = False) -> ExecCredential:
        cfg = self._config
        assert cfg.exec is not None
        key = (cfg.exec, cfg.server)
        with _exec_lock:
            cached = _exec_cache.get(key)
            if (
                cached is not None
                and not refresh
                and (cached.expires is None or self._clock() < cached.expires)
            ):
                return cached
            cred = run_exec_plugin(cfg, self._run)
            _exec_cache[key] = cred
            return cred

    def _token_from_file(self, *, force: bool = False) -> str:
        with self._lock:
            now = self._clock()
            if force or now - self._file_read_at >= TOKEN_FILE_TTL:
                try:
                    with open(self._config.token_file, encoding="utf-8") as f:
                        self._file_token = f.read().strip()
                except OSError as err:
                    raise KubeConfigError(
                        f'reading token file "{self._config.token_file}": {err.strerror}'
                    ) from err
                self._file_read_at = now
            return self._file_token

    def authorization(self) -> str:
        """The ``Authorization`` header value for the next request ("" for none)."""
        cfg = self._config
        if cfg.token:
            return f"Bearer {cfg.token}"
        if cfg.token_file:
            return f"Bearer {self._token_from_file()}"
        if cfg.username or cfg.password:
            raw = f"{cfg.username}:{cfg.password}".encode()
            return "Basic " + base64.b64encode(raw).decode()
        if cfg.exec is not None:
            cred = self._exec_credential()
            return f"Bearer {cred.token}" if cred.token else ""
        return ""

    def client_cert(self) -> tuple[bytes, bytes] | None:
        """PEM certificate and key to present, from the kubeconfig or an exec plugin."""
        cfg = self._config
        if cfg.client_cert_data:
            return cfg.client_cert_data, cfg.client_key_data
        if cfg.exec is not None:
            cred = self._exec_credential()
            if cred.client_cert_data:
                return cred.client_cert_data, cred.client_key_data
        return None

    def refresh(self) -> bool:
        """After a 401: fetch fresh credentials; True when a retry could succeed."""
        cfg = self._config
        if cfg.token_file and not cfg.token:
            before = self._file_token
            return self._token_from_file(force=True) != before
        if cfg.exec is not None:
            self._exec_credential(refresh=True)
            return True
        return False
