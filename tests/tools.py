"""The outside programs some tests need: Chromium, Java with the Nu Html Checker, axe-core,
nginx, a Redis server the fault tests start, freeze and stop themselves, and the PostgreSQL
server on 127.0.0.1 that the two servers of tests/faults/test_two_servers.py share.

``make test`` installs the npm packages from package.json; Chromium, Java, nginx and Redis
come from Debian's packages, which ``.ci/run`` installs in CI and a developer installs by
hand.
Where one is missing, its tests are skipped on a developer's machine but fail in CI
(``CI=true``), so CI can never pass without running them.
"""

import os
import shutil
from pathlib import Path

import psycopg
import pytest

from deploy.serve import NGINX as NGINX_FOUND

BASE_DIR = Path(__file__).resolve().parents[1]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
NODE_MODULES = BASE_DIR / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
JAVA = Path(shutil.which("java") or "/usr/bin/java")
REDIS_SERVER = Path(shutil.which("redis-server") or "/usr/bin/redis-server")
NGINX = Path(NGINX_FOUND or "/usr/sbin/nginx")
# The server tests/faults/test_two_servers.py makes a database of its own on (and drops).
POSTGRESQL = "postgres://postgres@127.0.0.1:5432"


def require(*paths):
    """Skip (or, in CI, fail) the calling test unless every path exists."""
    missing = [str(path) for path in paths if not Path(path).exists()]
    if missing:
        unavailable(f"missing {', '.join(missing)}: install them (README, Quick start)")


def require_postgresql():
    """Skip (or, in CI, fail) the calling test unless the PostgreSQL server at POSTGRESQL
    lets user postgres in."""
    try:
        psycopg.connect(f"{POSTGRESQL}/postgres", connect_timeout=5).close()
    except psycopg.OperationalError as error:
        unavailable(f"no PostgreSQL server at {POSTGRESQL} ({error})")


def unavailable(message):
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)
