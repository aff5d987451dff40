"""Authentication (bearer tokens, basic auth, client certificates, service-account tokens from the
TokenRequest API, impersonation) and RBAC authorization over the Role, ClusterRole, RoleBinding
and ClusterRoleBinding objects stored in the server.

Not emulated: aggregated ClusterRoles, RBAC escalation checks on writes of roles, Node and
webhook authorizers, the default ``system:*`` roles other than ``system:masters``'s full access and
discovery for every authenticated user.
"""

from __future__ import annotations

import base64
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

from . import errors

MASTERS = "system:masters"


@dataclass(frozen=True)
class User:
    name: str
    groups: tuple[str, ...] = ()
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)

    @property
    def all_groups(self) -> tuple[str, ...]:
        return (*self.groups, "system:authenticated")


@dataclass
class Attributes:
    verb: str
    group: str
    resource: str
    subresource: str
    namespace: str
    name: str


class Authenticator:
    """Maps credentials to users. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.tokens: dict[str, User] = {}
        self.passwords: dict[tuple[str, str], User] = {}

    def reset(self) -> None:
        with self._lock:
            self.tokens.clear()
            self.passwords.clear()

    def add_token(self, user: User, token: str | None = None) -> str:
        token = token or secrets.token_urlsafe(24)
        with self._lock:
            self.tokens[token] = user
        return token

    def add_password(self, user: User, password: str) -> None:
        with self._lock:
            self.passwords[(user.name, password)] = user

    def authenticate(self, headers: Any, peer_cert: dict[str, Any] | None) -> User:
        """The user of a request; StatusError 401 for missing or wrong credentials."""
        auth = headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            with self._lock:
                user = self.tokens.get(auth[7:].strip())
            if user is None:
                raise errors.unauthorized()
            return user
        if auth.startswith("Basic "):
            try:
                name, _, password = base64.b64decode(auth[6:]).decode().partition(":")
            except ValueError:
                raise errors.unauthorized() from None
            with self._lock:
                user = self.passwords.get((name, password))
            if user is None:
                raise errors.unauthorized()
            return user
        if peer_cert:
            cn = ""
            groups = []
            for rdn in peer_cert.get("subject", ()):
                for key, value in rdn:
                    if key == "commonName":
                        cn = value
                    elif key == "organizationName":
                        groups.append(value)
            if cn:
                return User(cn, tuple(groups))
        raise errors.unauthorized()


def _matches(values: list[str], wanted: str) -> bool:
    return "*" in values or wanted in values


def _rule_allows(rule: dict[str, Any], a: Attributes) -> bool:
    if not _matches(rule.get("verbs") or [], a.verb):
        return False
    if not _matches(rule.get("apiGroups") or [], a.group):
        return False
    resources = rule.get("resources") or []
    wanted = f"{a.resource}/{a.subresource}" if a.subresource else a.resource
    if not (
        "*" in resources
        or wanted in resources
        or (a.subresource and f"*/{a.subresource}" in resources)
        or (a.subresource and f"{a.resource}/*" in resources)
    ):
        return False
    names = rule.get("resourceNames") or []
    return not names or a.name in names


def _subject_matches(subject: dict[str, Any], user: User, binding_ns: str) -> bool:
    kind = subject.get("kind")
    if kind == "User":
        return subject.get("name") == user.name
    if kind == "Group":
        return subject.get("name") in user.all_groups
    if kind == "ServiceAccount":
        ns = subject.get("namespace") or binding_ns
        return user.name == f"system:serviceaccount:{ns}:{subject.get('name')}"
    return False


class Authorizer:
    """RBAC over the stored role objects; ``objects(group, resource)`` lists stored objects."""

    def __init__(self, objects: Any) -> None:
        self._objects = objects

    def _rules(self, ref: dict[str, Any], namespace: str) -> list[dict[str, Any]]:
        if ref.get("kind") == "ClusterRole":
            role = self._objects("rbac.authorization.k8s.io", "clusterroles").get(("", ref.get("name")))
        else:
            role = self._objects("rbac.authorization.k8s.io", "roles").get((namespace, ref.get("name")))
        return list((role or {}).get("rules") or [])

    def allowed(self, user: User, a: Attributes) -> bool:
        if MASTERS in user.groups:
            return True
        for (_, _), crb in self._objects("rbac.authorization.k8s.io", "clusterrolebindings").items():
            if any(_subject_matches(s, user, "") for s in crb.get("subjects") or []):
                if any(_rule_allows(r, a) for r in self._rules(crb.get("roleRef") or {}, "")):
                    return True
        if a.namespace:
            for (ns, _), rb in self._objects("rbac.authorization.k8s.io", "rolebindings").items():
                if ns != a.namespace:
                    continue
                if any(_subject_matches(s, user, ns) for s in rb.get("subjects") or []):
                    if any(_rule_allows(r, a) for r in self._rules(rb.get("roleRef") or {}, ns)):
                        return True
        return False

    def check(self, user: User, a: Attributes) -> None:
        """StatusError 403 in the real server's wording unless ``user`` may do ``a``."""
        if not self.allowed(user, a):
            raise errors.forbidden(user.name, a.verb, a.resource, a.group, a.namespace, a.name, a.subresource)
