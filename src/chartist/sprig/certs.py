"""Sprig's certificate functions: ``genCA``, ``genCAWithKey``, ``genSelfSignedCert``,
``genSelfSignedCertWithKey``, ``genSignedCert``, ``genSignedCertWithKey``, ``buildCustomCert``.

Each returns Sprig's ``certificate`` struct (:class:`Certificate`, fields ``Cert`` and
``Key``, both PEM). Certificates are built as Go's ``x509.CreateCertificate`` builds Sprig's
template: v3, a random serial below 2^128, subject ``CN=<cn>`` (PrintableString when Go would
choose it), valid from now for DAYS*24h, KeyUsage (critical) digitalSignature+keyEncipherment
(+keyCertSign for a CA), ExtKeyUsage serverAuth+clientAuth, BasicConstraints (critical), a
SubjectKeyIdentifier (truncated SHA-256, Go 1.25+) on CAs, an AuthorityKeyIdentifier from the
signer when issuer and subject differ, then SubjectAltName (DNS names, then IPs), in Go's
extension order. New keys are RSA 2048. RSA keys sign with SHA-256, ECDSA with the curve's
hash, Ed25519 purely; DSA keys cannot sign (Go's message).

``cryptography`` is imported inside the functions so that CLI start-up stays fast.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from chartist.gotemplate.fmt import sprintf
from chartist.gotemplate.values import INT, SLICE, STRING, FuncError, GoFunc, GoObject, gofunc, type_name
from chartist.sprig.gobase64 import Base64Error, std_decode

if TYPE_CHECKING:
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

__all__ = ["FUNCS", "Certificate", "private_key_pem"]

CERTIFICATE = "sprig.certificate"
_RSA_BITS = 2048  # keys made by the gen*Cert functions (genPrivateKey makes 4096)
_PRINTABLE = re.compile(r"[A-Za-z0-9'()+,\-./:=? ]*\Z")


class Certificate(GoObject):
    """Sprig's ``certificate`` struct: ``Cert`` and ``Key``, PEM text (``$ca.Cert``)."""

    go_type = CERTIFICATE
    go_kind = "struct"
    go_fields = ("Cert", "Key")
    __slots__ = ("Cert", "Key")

    def __init__(self, Cert: str = "", Key: str = "") -> None:
        self.Cert = Cert
        self.Key = Key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Certificate) and (self.Cert, self.Key) == (other.Cert, other.Key)

    def __hash__(self) -> int:
        return hash((self.Cert, self.Key))

    def __repr__(self) -> str:
        return f"Certificate(Cert={self.Cert[:40]!r}..., Key=...)"


# --- PEM and keys ------------------------------------------------------------------------

_PEM_BEGIN = re.compile(rb"(?:^|\n)-----BEGIN ([^\n]*)-----[ \t\r]*\n", re.S)


def _pem_decode(data: bytes) -> tuple[str, bytes] | None:
    """The first well-formed PEM block of DATA as (type, bytes), like Go's pem.Decode."""
    pos = 0
    while True:
        m = _PEM_BEGIN.search(data, pos)
        if m is None:
            return None
        typ = m.group(1)
        end_marker = b"\n-----END " + typ + b"-----"
        end = data.find(end_marker, m.end() - 1)
        pos = m.end()
        if end < 0:
            continue
        body = data[m.end() : end + 1]
        # Skip RFC 1421 headers ("Name: value" lines up to a blank line).
        if b":" in body.split(b"\n", 1)[0]:
            blank = body.find(b"\n\n")
            body = body[blank + 2 :] if blank >= 0 else b""
        try:
            raw = std_decode(body.replace(b" ", b"").replace(b"\t", b""))
        except Base64Error:
            continue
        return typ.decode("latin-1"), raw


def private_key_pem(key: Any) -> str:
    """PEM text of KEY in Sprig's block types (RSA/DSA/EC traditional, others PKCS#8)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa

    traditional = isinstance(key, rsa.RSAPrivateKey | dsa.DSAPrivateKey | ec.EllipticCurvePrivateKey)
    fmt = serialization.PrivateFormat.TraditionalOpenSSL if traditional else serialization.PrivateFormat.PKCS8
    return str(
        key.private_bytes(serialization.Encoding.PEM, fmt, serialization.NoEncryption()).decode("ascii")
    )


def _parse_private_key(text: str) -> PrivateKeyTypes:
    """Sprig's parsePrivateKeyPEM; raises FuncError with its (unprefixed) message."""
    from cryptography.hazmat.primitives import serialization

    block = _pem_decode(text.encode("utf-8", "surrogateescape"))
    if block is None:
        raise FuncError("no PEM data in input")
    typ, der = block
    if typ == "PRIVATE KEY":
        try:
            return serialization.load_der_private_key(der, None)
        except (ValueError, TypeError) as err:
            raise FuncError(f"decoding PEM as PKCS#8: {_asn1_reason(err)}") from None
    if not typ.endswith(" PRIVATE KEY"):
        raise FuncError(f"no private key data in PEM block of type {typ}")
    kind = typ[: -len(" PRIVATE KEY")]
    if kind not in ("RSA", "EC", "DSA"):
        raise FuncError(f"invalid private key type {typ}")
    # The traditional OpenSSL forms are what load_pem_private_key reads for these types.
    pem = f"-----BEGIN {typ}-----\n".encode() + _b64_lines(der) + f"-----END {typ}-----\n".encode()
    try:
        return serialization.load_pem_private_key(pem, None)
    except (ValueError, TypeError) as err:
        prefix = "x509: failed to parse EC private key: " if kind == "EC" else ""
        raise FuncError(f"parsing {kind} private key from PEM: {prefix}{_asn1_reason(err)}") from None


def _b64_lines(der: bytes) -> bytes:
    import base64

    b64 = base64.b64encode(der)
    return b"".join(b64[i : i + 64] + b"\n" for i in range(0, len(b64), 64))


def _asn1_reason(err: Exception) -> str:
    # Go reports encoding/asn1's own diagnostics; cryptography's differ, so say it plainly.
    return f"asn1: structure error: {err}"


def _load_cert(pem: str, what: str) -> x509.Certificate:
    from cryptography import x509

    block = _pem_decode(pem.encode("utf-8", "surrogateescape"))
    if block is None:
        raise FuncError("unable to decode certificate")
    try:
        return x509.load_der_x509_certificate(block[1])
    except ValueError as err:
        raise FuncError(
            f"error parsing certificate: {what}.Bytes: x509: malformed certificate ({err})"
        ) from None


# --- building certificates ----------------------------------------------------------------


def _ip(value: Any) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    import ipaddress

    if not isinstance(value, str):
        raise FuncError(f"error parsing ip: {sprintf('%v', value)} is not a string")
    try:
        if "%" in value:  # net.ParseIP knows no zones
            raise ValueError
        ip = ipaddress.ip_address(value)
    except ValueError:
        raise FuncError(f"error parsing ip: {value}") from None
    # Go writes IPv4-mapped IPv6 addresses as 4-byte IPv4 ones.
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def _dns(values: list[Any] | None) -> list[str]:
    out = []
    for v in values or []:
        if not isinstance(v, str):
            raise FuncError(f"error processing alternate dns name: {sprintf('%v', v)} is not a string")
        out.append(v)
    return out


def _name(cn: str) -> x509.Name:
    from cryptography import x509
    from cryptography.x509.name import _ASN1Type
    from cryptography.x509.oid import NameOID

    if cn == "":
        return x509.Name([])
    # encoding/asn1 picks PrintableString when every byte allows it, else UTF8String.
    typ = _ASN1Type.PrintableString if _PRINTABLE.match(cn) else _ASN1Type.UTF8String
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn, _type=typ)])


def _skid(public_key: Any) -> bytes:
    """Go 1.25+'s SubjectKeyId: SHA-256 of the subjectPublicKey bits, cut to 160 bits."""
    import hashlib

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    if isinstance(public_key, rsa.RSAPublicKey):
        bits = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.PKCS1)
    elif isinstance(public_key, ec.EllipticCurvePublicKey):
        bits = public_key.public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
    else:
        bits = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(bits).digest()[:20]


def _sign_params(key: Any) -> Any:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed25519, rsa

    if isinstance(key, dsa.DSAPrivateKey):
        raise FuncError(
            "error creating certificate: x509: certificate private key does not implement crypto.Signer"
        )
    if isinstance(key, rsa.RSAPrivateKey):
        return hashes.SHA256()
    if isinstance(key, ec.EllipticCurvePrivateKey):
        by_curve: dict[str, hashes.HashAlgorithm] = {
            "secp256r1": hashes.SHA256(),
            "secp384r1": hashes.SHA384(),
            "secp521r1": hashes.SHA512(),
        }
        if key.curve.name not in by_curve:
            raise FuncError("error creating certificate: x509: unknown elliptic curve")
        return by_curve[key.curve.name]
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return None
    raise FuncError(f"error creating certificate: x509: unsupported key type {type(key).__name__}")


def _create(
    cn: str,
    ips: list[Any] | None,
    dns: list[Any] | None,
    days: int,
    key: Any,
    *,
    is_ca: bool = False,
    parent: x509.Certificate | None = None,
    signer: Any = None,
) -> Certificate:
    """Go's getBaseCertTemplate + getCertAndKey for KEY, self-signed unless PARENT/SIGNER."""
    import secrets

    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import dsa
    from cryptography.x509.oid import ExtendedKeyUsageOID

    addresses = [_ip(v) for v in ips or []]
    names = _dns(dns)
    signer = key if signer is None else signer
    algorithm = _sign_params(signer)
    public = key.public_key()
    if isinstance(public, dsa.DSAPublicKey):
        raise FuncError("error creating certificate: x509: unsupported public key type: *dsa.PublicKey")
    if parent is not None and parent.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    ) != signer.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    ):
        raise FuncError(
            "error creating certificate: x509: provided PrivateKey doesn't match parent's PublicKey"
        )
    for n in names:
        if not n.isascii():
            raise FuncError(f'error creating certificate: x509: "{n}" cannot be encoded as an IA5String')
    now = datetime.now(UTC).replace(microsecond=0)
    try:
        not_after = now + timedelta(days=days)
    except OverflowError:
        raise FuncError("error creating certificate: x509: invalid validity period") from None
    subject = _name(cn)
    issuer = parent.subject if parent is not None else subject
    exts: list[tuple[Any, bool]] = [
        (
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=True,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=is_ca,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            True,
        ),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]), False),
        (x509.BasicConstraints(ca=is_ca, path_length=None), True),
    ]
    if is_ca:
        exts.append((x509.SubjectKeyIdentifier(_skid(public)), False))
    if parent is not None and issuer.public_bytes() != subject.public_bytes():
        try:
            ski = parent.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
        except x509.ExtensionNotFound:
            ski = b""
        if ski:
            exts.append((x509.AuthorityKeyIdentifier(ski, None, None), False))
    if names or addresses:
        general: list[x509.GeneralName] = [x509.DNSName(n) for n in names]
        general += [x509.IPAddress(a) for a in addresses]
        # Go marks the SAN extension critical exactly when the subject is empty.
        exts.append((x509.SubjectAlternativeName(general), cn == ""))
    builder = x509.CertificateBuilder(
        issuer_name=issuer,
        subject_name=subject,
        public_key=public,
        serial_number=1 + secrets.randbelow((1 << 128) - 1),
        not_valid_before=now,
        not_valid_after=not_after,
    )
    for ext, critical in exts:
        builder = builder.add_extension(ext, critical=critical)
    cert = builder.sign(signer, algorithm)
    pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
    return Certificate(pem, private_key_pem(key))


def _new_rsa() -> Any:
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(65537, _RSA_BITS)


def _key_from_pem(pem: str) -> Any:
    try:
        return _parse_private_key(pem)
    except FuncError as err:
        raise FuncError(f"parsing private key: {err}") from None


def _signer(ca: Certificate) -> tuple[x509.Certificate, Any]:
    if not isinstance(ca, Certificate):
        raise FuncError(f"wrong type for value; expected {CERTIFICATE}; got {type_name(ca)}")
    cert = _load_cert(ca.Cert, "decodedSignerCert")
    try:
        key = _parse_private_key(ca.Key)
    except FuncError as err:
        raise FuncError(f"error parsing private key: {err}") from None
    return cert, key


@gofunc(STRING, INT, result=CERTIFICATE, error=True)
def genCA(cn: str, days_valid: int) -> Certificate:
    """genCA CN DAYS: a self-signed CA certificate with a new RSA 2048 key."""
    return _create(cn, None, None, days_valid, _new_rsa(), is_ca=True)


@gofunc(STRING, INT, STRING, result=CERTIFICATE, error=True)
def genCAWithKey(cn: str, days_valid: int, priv_pem: str) -> Certificate:
    """genCAWithKey CN DAYS KEY: a self-signed CA certificate for the PEM private KEY."""
    return _create(cn, None, None, days_valid, _key_from_pem(priv_pem), is_ca=True)


@gofunc(STRING, SLICE, SLICE, INT, result=CERTIFICATE, error=True)
def genSelfSignedCert(cn: str, ips: list[Any] | None, dns: list[Any] | None, days_valid: int) -> Certificate:
    """genSelfSignedCert CN IPS DNSNAMES DAYS: a self-signed leaf certificate, new RSA key."""
    return _create(cn, ips, dns, days_valid, _new_rsa())


@gofunc(STRING, SLICE, SLICE, INT, STRING, result=CERTIFICATE, error=True)
def genSelfSignedCertWithKey(
    cn: str, ips: list[Any] | None, dns: list[Any] | None, days_valid: int, priv_pem: str
) -> Certificate:
    """genSelfSignedCertWithKey CN IPS DNSNAMES DAYS KEY: as genSelfSignedCert for KEY."""
    return _create(cn, ips, dns, days_valid, _key_from_pem(priv_pem))


@gofunc(STRING, SLICE, SLICE, INT, CERTIFICATE, result=CERTIFICATE, error=True)
def genSignedCert(
    cn: str, ips: list[Any] | None, dns: list[Any] | None, days_valid: int, ca: Certificate
) -> Certificate:
    """genSignedCert CN IPS DNSNAMES DAYS CA: a leaf certificate signed by CA, new RSA key."""
    key = _new_rsa()
    parent, signer = _signer(ca)
    return _create(cn, ips, dns, days_valid, key, parent=parent, signer=signer)


@gofunc(STRING, SLICE, SLICE, INT, CERTIFICATE, STRING, result=CERTIFICATE, error=True)
def genSignedCertWithKey(
    cn: str, ips: list[Any] | None, dns: list[Any] | None, days_valid: int, ca: Certificate, priv_pem: str
) -> Certificate:
    """genSignedCertWithKey CN IPS DNSNAMES DAYS CA KEY: as genSignedCert for KEY."""
    key = _key_from_pem(priv_pem)
    parent, signer = _signer(ca)
    return _create(cn, ips, dns, days_valid, key, parent=parent, signer=signer)


@gofunc(STRING, STRING, result=CERTIFICATE, error=True)
def buildCustomCert(b64cert: str, b64key: str) -> Certificate:
    """buildCustomCert B64CERT B64KEY: a certificate struct from base64 PEM texts, checked."""
    try:
        cert = std_decode(b64cert)
    except Base64Error:
        raise FuncError("unable to decode base64 certificate") from None
    try:
        key = std_decode(b64key)
    except Base64Error:
        raise FuncError("unable to decode base64 private key") from None
    cert_text = cert.decode("utf-8", "surrogateescape")
    key_text = key.decode("utf-8", "surrogateescape")
    _load_cert(cert_text, "decodedCert")
    try:
        _parse_private_key(key_text)
    except FuncError as err:
        raise FuncError(f"error parsing private key: {err}") from None
    return Certificate(cert_text, key_text)


FUNCS: dict[str, GoFunc] = {
    "buildCustomCert": buildCustomCert,
    "genCA": genCA,
    "genCAWithKey": genCAWithKey,
    "genSelfSignedCert": genSelfSignedCert,
    "genSelfSignedCertWithKey": genSelfSignedCertWithKey,
    "genSignedCert": genSignedCert,
    "genSignedCertWithKey": genSignedCertWithKey,
}
