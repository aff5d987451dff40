"""Sprig's crypto functions (Sprig v3.3.0, as Helm v4 ships it).

``bcrypt``, ``htpasswd``, ``derivePassword``, ``genPrivateKey``, ``encryptAES``,
``decryptAES`` and ``randBytes`` live here; the certificate functions (``genCA``,
``genSignedCert``, ``buildCustomCert`` ...) live in :mod:`chartist.sprig.certs` and are merged
into :data:`FUNCS`.

Formats follow Sprig exactly: bcrypt hashes are ``$2a$10$...``; private keys are PEM blocks
``RSA PRIVATE KEY`` (PKCS#1, 4096 bits), ``DSA PRIVATE KEY`` (OpenSSL form, L2048 N256),
``EC PRIVATE KEY`` (SEC 1, P-256) or ``PRIVATE KEY`` (PKCS#8, Ed25519); ``encryptAES`` is
AES-256-CBC with the password zero-padded or cut to 32 bytes, PKCS#7 padding and a random IV
prepended, all base64-encoded, so ciphertexts move between Helm and chartist both ways.
Failures Sprig reports as text stay text; Go panics inside the functions become the
``runtime error: ...`` messages the template engine would show.

The ``cryptography`` and ``bcrypt`` packages are imported inside the functions, keeping them
out of CLI start-up.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import struct

from chartist.gotemplate.values import INT, STRING, FuncError, GoFunc, gofunc
from chartist.sprig.certs import FUNCS as _CERT_FUNCS
from chartist.sprig.certs import private_key_pem
from chartist.sprig.gobase64 import Base64Error, std_decode, std_decoded_len

__all__ = ["FUNCS"]

_BCRYPT_COST = 10  # golang.org/x/crypto/bcrypt DefaultCost


def _go_bytes(s: str) -> bytes:
    return s.encode("utf-8", "surrogateescape")


def _go_string(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def _bcrypt_hash(password: str) -> str:
    import bcrypt as bcrypt_lib

    data = _go_bytes(password)
    if len(data) > 72:
        return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes"
    salt = bcrypt_lib.gensalt(rounds=_BCRYPT_COST, prefix=b"2a")
    return str(bcrypt_lib.hashpw(data, salt).decode("ascii"))


@gofunc(STRING, result=STRING)
def bcrypt(input: str) -> str:
    """bcrypt STRING: a ``$2a$10$`` bcrypt hash (random salt); over 72 bytes, Sprig's error text."""
    return _bcrypt_hash(input)


@gofunc(STRING, STRING, result=STRING)
def htpasswd(username: str, password: str) -> str:
    """htpasswd USER PASSWORD: ``USER:<bcrypt hash>``; a user with ``:`` gives an error text."""
    if ":" in username:
        return f"invalid username: {username}"
    return f"{username}:{_bcrypt_hash(password)}"


@gofunc(INT, result=STRING, error=True)
def randBytes(count: int) -> str:
    """randBytes N: N random bytes, base64-encoded; a negative N fails as Go's make does."""
    if count < 0:
        raise FuncError("runtime error: makeslice: len out of range")
    return base64.b64encode(os.urandom(count)).decode("ascii")


# Master Password (Lyndir) templates and character classes, as Sprig defines them.
_MASTER_SEED = b"com.lyndir.masterpassword"
_TEMPLATES: dict[str, tuple[str, ...]] = {
    "maximum": ("anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"),
    "long": (
        "CvcvnoCvcvCvcv",
        "CvcvCvcvnoCvcv",
        "CvcvCvcvCvcvno",
        "CvccnoCvcvCvcv",
        "CvccCvcvnoCvcv",
        "CvccCvcvCvcvno",
        "CvcvnoCvccCvcv",
        "CvcvCvccnoCvcv",
        "CvcvCvccCvcvno",
        "CvcvnoCvcvCvcc",
        "CvcvCvcvnoCvcc",
        "CvcvCvcvCvccno",
        "CvccnoCvccCvcv",
        "CvccCvccnoCvcv",
        "CvccCvccCvcvno",
        "CvcvnoCvccCvcc",
        "CvcvCvccnoCvcc",
        "CvcvCvccCvccno",
        "CvccnoCvcvCvcc",
        "CvccCvcvnoCvcc",
        "CvccCvcvCvccno",
    ),
    "medium": ("CvcnoCvc", "CvcCvcno"),
    "short": ("Cvcn",),
    "basic": ("aaanaaan", "aannaaan", "aaannaaa"),
    "pin": ("nnnn",),
}
_CHARACTERS = {
    "V": "AEIOU",
    "C": "BCDFGHJKLMNPQRSTVWXYZ",
    "v": "aeiou",
    "c": "bcdfghjklmnpqrstvwxyz",
    "A": "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
    "a": "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
    "n": "0123456789",
    "o": "@&%?,=[]_:-+*$#!'^~;()/.",
    "x": "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
}


@gofunc("uint32", STRING, STRING, STRING, STRING, result=STRING)
def derivePassword(counter: int, password_type: str, password: str, user: str, site: str) -> str:
    """derivePassword COUNTER TYPE PASSWORD USER SITE: a Master Password site password.

    scrypt(PASSWORD, seed+len(USER)+USER, N=32768, r=8, p=2, 64 bytes) keys an HMAC-SHA256 of
    seed+len(SITE)+SITE+COUNTER (big-endian uint32 lengths); its bytes pick the template and
    each character. An unknown TYPE gives ``cannot find password template TYPE``.
    """
    templates = _TEMPLATES.get(password_type)
    if templates is None:
        return f"cannot find password template {password_type}"
    user_b, site_b = _go_bytes(user), _go_bytes(site)
    salt = _MASTER_SEED + struct.pack(">I", len(user_b)) + user_b
    key = hashlib.scrypt(_go_bytes(password), salt=salt, n=32768, r=8, p=2, maxmem=64 << 20, dklen=64)
    message = _MASTER_SEED + struct.pack(">I", len(site_b)) + site_b + struct.pack(">I", counter & 0xFFFFFFFF)
    seed = hmac.new(key, message, hashlib.sha256).digest()
    template = templates[seed[0] % len(templates)]
    out = []
    for i, cls in enumerate(template):
        chars = _CHARACTERS[cls]
        out.append(chars[seed[i + 1] % len(chars)])
    return "".join(out)


@gofunc(STRING, result=STRING)
def genPrivateKey(typ: str) -> str:
    """genPrivateKey TYPE: a new PEM private key; TYPE is ``rsa`` (or ""), ``dsa``, ``ecdsa``
    or ``ed25519``; another TYPE gives ``Unknown type TYPE``."""
    from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed25519, rsa

    if typ in ("", "rsa"):
        return private_key_pem(rsa.generate_private_key(65537, 4096))
    if typ == "dsa":
        return private_key_pem(dsa.generate_private_key(2048))
    if typ == "ecdsa":
        return private_key_pem(ec.generate_private_key(ec.SECP256R1()))
    if typ == "ed25519":
        return private_key_pem(ed25519.Ed25519PrivateKey.generate())
    return "Unknown type " + typ


def _aes_key(password: str) -> bytes:
    return _go_bytes(password)[:32].ljust(32, b"\0")


@gofunc(STRING, STRING, result=STRING, error=True)
def encryptAES(password: str, plaintext: str) -> str:
    """encryptAES PASSWORD TEXT: base64(IV + AES-256-CBC(TEXT, PKCS#7)); "" stays ""."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    if plaintext == "":
        return ""
    content = _go_bytes(plaintext)
    pad = 16 - len(content) % 16
    content += bytes([pad]) * pad
    iv = os.urandom(16)
    enc = Cipher(algorithms.AES(_aes_key(password)), modes.CBC(iv)).encryptor()
    return base64.b64encode(iv + enc.update(content) + enc.finalize()).decode("ascii")


@gofunc(STRING, STRING, result=STRING, error=True)
def decryptAES(password: str, crypt64: str) -> str:
    """decryptAES PASSWORD CIPHERTEXT: the inverse of encryptAES ("" stays "").

    Like Sprig, the padding is not verified: a wrong password yields garbage, not an error.
    Malformed input fails with Go's message (a base64 error, or the runtime error Sprig's
    slicing panics with).
    """
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    if crypt64 == "":
        return ""
    try:
        crypt = std_decode(crypt64)
    except Base64Error as err:
        raise FuncError(str(err)) from None
    capacity = std_decoded_len(len(_go_bytes(crypt64)))
    if capacity < 16:
        raise FuncError(f"runtime error: slice bounds out of range [:16] with capacity {capacity}")
    if len(crypt) < 16:
        raise FuncError(f"runtime error: slice bounds out of range [16:{len(crypt)}]")
    iv, body = crypt[:16], crypt[16:]
    if len(body) % 16:
        raise FuncError("crypto/cipher: input not full blocks")
    if not body:
        raise FuncError("runtime error: index out of range [-1]")
    dec = Cipher(algorithms.AES(_aes_key(password)), modes.CBC(iv)).decryptor()
    plain = dec.update(body) + dec.finalize()
    end = len(plain) - plain[-1]
    if end < 0:
        raise FuncError(f"runtime error: slice bounds out of range [:{end}]")
    return _go_string(plain[:end])


FUNCS: dict[str, GoFunc] = {
    "bcrypt": bcrypt,
    "decryptAES": decryptAES,
    "derivePassword": derivePassword,
    "encryptAES": encryptAES,
    "genPrivateKey": genPrivateKey,
    "htpasswd": htpasswd,
    "randBytes": randBytes,
    **_CERT_FUNCS,
}
