"""``chartist package [CHART_PATH] [...]``: package chart directories (Helm's ``pkg/cmd/package.go``).

Prints ``Successfully packaged chart and saved it to: PATH`` per chart. Signing and
``--dependency-update`` are refused with a clear error (not supported yet).
"""

from __future__ import annotations

import argparse
import os
import sys

from chartist.cli.environment import Settings


def _default_keyring(env: dict[str, str] | None = None) -> str:
    """Helm's defaultKeyring: $GNUPGHOME/pubring.gpg, else ~/.gnupg/pubring.gpg."""
    env = dict(os.environ) if env is None else env
    home = env.get("GNUPGHOME") or os.path.join(os.path.expanduser("~"), ".gnupg")
    return os.path.join(home, "pubring.gpg")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="CHART_PATH")
    p.add_argument("--sign", action="store_true", help="use a PGP private key to sign this package")
    p.add_argument("--key", default="", help="name of the key to use when signing. Used if --sign is true")
    p.add_argument("--keyring", default=None, help="location of a public keyring")
    p.add_argument("--passphrase-file", default="", help="location of a file which contains the passphrase")
    p.add_argument("--version", default="", help="set the version on the chart to this semver version")
    p.add_argument("--app-version", default="", help="set the appVersion on the chart to this version")
    p.add_argument("-d", "--destination", default=".", help="location to write the chart.")
    p.add_argument(
        "-u",
        "--dependency-update",
        action="store_true",
        help='update dependencies from "Chart.yaml" to dir "charts/" before packaging',
    )
    p.add_argument("--username", default="", help="chart repository username")
    p.add_argument("--password", default="", help="chart repository password")
    p.add_argument("--cert-file", default="", help="identify HTTPS client using this SSL certificate file")
    p.add_argument("--key-file", default="", help="identify HTTPS client using this SSL key file")
    p.add_argument("--insecure-skip-tls-verify", action="store_true", help="skip tls certificate checks")
    p.add_argument("--plain-http", action="store_true", help="use insecure HTTP connections")
    p.add_argument(
        "--ca-file", default="", help="verify certificates of HTTPS-enabled servers using this CA bundle"
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``package``; Helm's messages and exit codes."""
    from chartist.action.package import Package
    from chartist.errors import ChartistError

    if not args.paths:
        return _fail("need at least one argument, the path to the chart")
    keyring = args.keyring if args.keyring is not None else _default_keyring(dict(settings.env) or None)
    if args.sign:
        if not args.key:
            return _fail("--key is required for signing a package")
        if not keyring:
            return _fail("--keyring is required for signing a package")
    client = Package(
        version=args.version,
        app_version=args.app_version,
        destination=args.destination,
        dependency_update=args.dependency_update,
        sign=args.sign,
    )
    try:
        client.check()
        for path in args.paths:
            try:
                os.stat(path)
            except OSError as err:
                return _fail(f"stat {path}: {(err.strerror or str(err)).lower()}")
            written = client.run(os.path.abspath(path))
            sys.stdout.write(f"Successfully packaged chart and saved it to: {written}\n")
    except ChartistError as err:
        return _fail(str(err))
    return 0


def _fail(message: str) -> int:
    sys.stdout.flush()
    sys.stderr.write(f"Error: {message}\n")
    return 1
