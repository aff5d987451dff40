"""Splitting and sorting rendered manifests as Helm v4.2.3's releaseutil does.

The manifest order of the sort rows was checked against Helm (a client-side install through
helm-python-sdk renders the same files); splitting follows Helm's separator regexp
``(?:^|\\s*\\n)---\\s*`` and its left-trimming, quirks included.
"""

from __future__ import annotations

import pytest

from chartist.release.manifest import (
    INSTALL_ORDER,
    UNINSTALL_ORDER,
    ManifestError,
    sort_manifests,
    split_manifests,
)

SPLIT_ROWS = [
    ("two documents", "a: 1\n---\nb: 2", ["a: 1", "b: 2"]),
    ("leading and trailing separators", "---\na: 1\n---\n", ["a: 1"]),
    ("leading blank lines", "\n\n  \n---\na: 1", ["a: 1"]),
    ("trailing separator leaves an empty document, dropped", "a\n---  \n", ["a"]),
    ("consecutive separators", "a\n---\n---\nb", ["a", "---\nb"]),
    # \s* after a separator swallows the blank line, so the next "---" is not at a line start.
    ("separator after blank line is a document", "a\n---\n\n---\n   \n---\nb", ["a", "---", "b"]),
    ("only blank", "\n  \n", []),
    ("indented separator is text", "a\n  ---\nb", ["a\n  ---\nb"]),
    ("separator glued to text", "a: 1\n---apiVersion: v1", ["a: 1", "apiVersion: v1"]),
    ("four dashes", "a\n----\nb", ["a", "-\nb"]),
    ("comment after separator", "a\n--- # doc\nb", ["a", "# doc\nb"]),
    ("crlf", "a\r\n---\r\nb", ["a", "b"]),
    ("trailing spaces kept", "a  \n\n---\nb  ", ["a", "b  "]),
    ("document start trimmed", "---\n\n  a: 1\n", ["a: 1\n"]),
]


@pytest.mark.parametrize(("text", "want"), [pytest.param(t, w, id=n) for n, t, w in SPLIT_ROWS])
def test_split_manifests(text, want):
    assert split_manifests(text) == want


FILES = {
    "c/templates/b.yaml": "kind: Service\nmetadata:\n  name: s1\n---\nkind: Zeta\nmetadata:\n  name: z1\n---\n"
    "kind: Deployment\nmetadata:\n  name: d1\n",
    "c/templates/a.yaml": "kind: Alpha\nmetadata:\n  name: a1\n---\nkind: Service\nmetadata:\n  name: s0\n---\n\n---\n"
    "kind: Namespace\nmetadata:\n  name: n1\n",
    "c/templates/_p.yaml": "kind: Pod\n",
    "c/templates/c/d.yaml": "kind: ConfigMap\nmetadata:\n  name: c1\n  annotations:\n    other: x\n",
    "c/templates/h.yaml": "kind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: PRE-install , post-upgrade\n"
    "    helm.sh/hook-weight: '+3'\n    helm.sh/hook-delete-policy: Before-Hook-Creation, hook-succeeded\n---\n"
    "kind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test-success\n    helm.sh/hook-weight: x\n---\n"
    "kind: Pod\nmetadata:\n  name: u\n  annotations:\n    helm.sh/hook: pre-install,nope\n---\n"
    "kind: ConfigMap\nmetadata:\n  name: e\n  annotations:\n    helm.sh/hook: ''\n",
    "c/templates/blank.yaml": "  \n\n",
}


def test_sort_manifests_order():
    hooks, manifests = sort_manifests(FILES)
    # Known kinds in install order, unknown kinds after them by name; ties keep file order.
    assert [(m.name, m.head.name) for m in manifests] == [
        ("c/templates/a.yaml", "n1"),
        ("c/templates/c/d.yaml", "c1"),
        ("c/templates/a.yaml", "s0"),
        ("c/templates/b.yaml", "s1"),
        ("c/templates/b.yaml", "d1"),
        ("c/templates/a.yaml", "a1"),
        ("c/templates/b.yaml", "z1"),
    ]
    # Unknown hook types drop the document (u, e); events are trimmed and lower-cased.
    assert [(h.name, h.kind, h.path, h.events, h.weight, h.delete_policies) for h in hooks] == [
        ("t", "Pod", "c/templates/h.yaml", ["test"], 0, []),
        (
            "j",
            "Job",
            "c/templates/h.yaml",
            ["pre-install", "post-upgrade"],
            3,
            ["before-hook-creation", "hook-succeeded"],
        ),
    ]
    assert hooks[0].manifest.startswith("kind: Pod\nmetadata:\n  name: t\n")


@pytest.mark.parametrize(
    ("weight", "want"),
    [
        ("5", 5),
        ("-5", -5),
        ("+7", 7),
        (" 1", 0),
        ("1.5", 0),
        ("9223372036854775807", 2**63 - 1),
        ("9223372036854775808", 0),
    ],
)
def test_hook_weight(weight, want):
    doc = f"kind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: post-install\n    helm.sh/hook-weight: '{weight}'\n"
    hooks, _ = sort_manifests({"c/templates/h.yaml": doc})
    assert hooks[0].weight == want


ERROR_ROWS = [
    (
        "not yaml",
        "a: [\n",
        "YAML parse error on c/templates/x.yaml: error converting YAML to JSON: yaml: line 1: did not find expected node content",
    ),
    (
        "four dashes",
        "a: 1\n----\nb: 2",
        "YAML parse error on c/templates/x.yaml: error converting YAML to JSON: yaml: line 1: did not find expected node content",
    ),
    (
        "list document",
        "- a\n- b\n",
        "YAML parse error on c/templates/x.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type util.SimpleHead",
    ),
    (
        "annotations a list",
        "kind: A\nmetadata:\n  annotations: [x]\n",
        "YAML parse error on c/templates/x.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field .metadata.annotations of type map[string]string",
    ),
]


@pytest.mark.parametrize(("doc", "want"), [pytest.param(d, w, id=n) for n, d, w in ERROR_ROWS])
def test_sort_manifests_errors(doc, want):
    with pytest.raises(ManifestError) as info:
        sort_manifests({"c/templates/x.yaml": doc})
    assert str(info.value) == want


HELM_INSTALL_ORDER = (
    "PriorityClass Namespace NetworkPolicy ResourceQuota LimitRange PodSecurityPolicy PodDisruptionBudget "
    "ServiceAccount Secret SecretList ConfigMap StorageClass PersistentVolume PersistentVolumeClaim "
    "CustomResourceDefinition ClusterRole ClusterRoleList ClusterRoleBinding ClusterRoleBindingList Role RoleList "
    "RoleBinding RoleBindingList Service DaemonSet Pod ReplicationController ReplicaSet Deployment "
    "HorizontalPodAutoscaler StatefulSet Job CronJob IngressClass Ingress APIService MutatingWebhookConfiguration "
    "ValidatingWebhookConfiguration"
)
HELM_UNINSTALL_ORDER = (
    "ValidatingWebhookConfiguration MutatingWebhookConfiguration APIService Ingress IngressClass Service CronJob Job "
    "StatefulSet HorizontalPodAutoscaler Deployment ReplicaSet ReplicationController Pod DaemonSet RoleBindingList "
    "RoleBinding RoleList Role ClusterRoleBindingList ClusterRoleBinding ClusterRoleList ClusterRole "
    "CustomResourceDefinition PersistentVolumeClaim PersistentVolume StorageClass ConfigMap SecretList Secret "
    "ServiceAccount PodDisruptionBudget PodSecurityPolicy LimitRange ResourceQuota NetworkPolicy Namespace PriorityClass"
)


def test_kind_orders_are_helms():
    assert INSTALL_ORDER == tuple(HELM_INSTALL_ORDER.split())
    assert UNINSTALL_ORDER == tuple(HELM_UNINSTALL_ORDER.split())


def test_uninstall_order():
    files = {"c/t/a.yaml": "kind: Service\n---\nkind: Namespace\n---\nkind: Foo\n---\nkind: Deployment\n"}
    _, manifests = sort_manifests(files, UNINSTALL_ORDER)
    assert [m.head.kind for m in manifests] == ["Service", "Deployment", "Namespace", "Foo"]
