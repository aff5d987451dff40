"""Round trips through Helm itself (helm_python): what chartist makes, Helm must accept.

These are the only tests here that need Helm; the rest hold Helm's answers as literals.
"""

from __future__ import annotations

import base64
import json

import pytest
from cryptography import x509

from chartist.sprig.crypto import FUNCS as CRYPTO
from chartist.sprig.dates import FUNCS as DATES
from chartist.sprig.semverfuncs import FUNCS as SEMVER

pytestmark = pytest.mark.helm
h = pytest.importorskip("helm_python")


@pytest.fixture(scope="module")
def render(tmp_path_factory):
    root = tmp_path_factory.mktemp("chart")
    (root / "templates").mkdir()
    (root / "Chart.yaml").write_text("apiVersion: v2\nname: c\nversion: 0.1.0\n")

    def run(template: str) -> str:
        (root / "templates" / "x.yaml").write_text(template)
        return h.Chart.load(str(root)).render({}, name="rel", namespace="default")["c/templates/x.yaml"]

    return run


def _call(name: str, *args: object) -> str:
    """A template action calling NAME with ARGS written as Go literals."""
    return "{{ " + " ".join([name, *(str(a) if isinstance(a, int) else json.dumps(a) for a in args)]) + " }}"


def test_helm_decrypts_chartist_ciphertext(render):
    for text in ("hello", "x" * 33, "ünïcode ✓"):
        ct = CRYPTO["encryptAES"]("secret", text)
        assert render(_call("decryptAES", "secret", ct)) == text


def test_chartist_decrypts_helm_ciphertext(render):
    ct = render('{{ encryptAES "secret" "from helm" }}')
    assert CRYPTO["decryptAES"]("secret", ct) == "from helm"


def test_helm_signs_with_chartist_ca(render):
    ca = CRYPTO["genCA"]("chartist-ca", 10)
    b64cert = json.dumps(base64.b64encode(ca.Cert.encode()).decode())
    b64key = json.dumps(base64.b64encode(ca.Key.encode()).decode())
    tpl = "{{ $ca := buildCustomCert " + b64cert + " " + b64key + " }}"
    tpl += '{{ (genSignedCert "leaf" nil (list "a.b") 1 $ca).Cert }}'
    leaf = x509.load_pem_x509_certificate(render(tpl).encode())
    leaf.verify_directly_issued_by(x509.load_pem_x509_certificate(ca.Cert.encode()))


def test_derive_password_and_semver_agree(render):
    assert render('{{ derivePassword 7 "long" "pw" "me" "site.example" }}') == CRYPTO["derivePassword"](
        7, "long", "pw", "me", "site.example"
    )
    for c, v in ((">=1.19-0", "v1.36.0"), ("~1.2.x", "1.2.9"), ("^0.0.3", "0.0.4")):
        want = render(_call("semverCompare", c, v))
        assert str(SEMVER["semverCompare"](c, v)).lower() == want


def test_dates_agree(render):
    layout = "Mon Jan _2 15:04:05.000 MST 2006 Z07:00"
    for zone in ("UTC", "America/New_York", "Asia/Kathmandu"):
        want = render(_call("dateInZone", layout, 1700000000, zone))
        assert DATES["dateInZone"](layout, 1700000000, zone) == want
