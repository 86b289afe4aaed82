"""`make serve` collects the static files (compressing each with gzip and Brotli takes about a
minute) only when they changed since the last collection, not on every start. Asked with
``make --dry-run``, which says what it would run and runs nothing."""

import os
import subprocess

import pytest
from django.conf import settings


@pytest.fixture
def installed(tmp_path):
    """The stamp of a virtual environment installed just now (the checkout's own may be older
    than pyproject.toml, and make would install it first)."""
    stamp = tmp_path / "venv" / ".installed"
    stamp.parent.mkdir()
    stamp.touch()
    return stamp


@pytest.fixture
def manifest(tmp_path):
    """Where the manifest of the collected static files goes."""
    return tmp_path / "collected" / "staticfiles.json"


def make_serve_collects(manifest, installed):
    """Would `make serve` collect the static files?"""
    result = subprocess.run(
        [
            "make",
            "--dry-run",
            "serve",
            f"STATIC_ROOT={manifest.parent}",
            f"VENV={installed.parent}",
        ],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return "collectstatic" in result.stdout


def collected(manifest, before=None):
    """The static files collected now, or before ``before`` (a file) was last changed."""
    manifest.parent.mkdir()
    manifest.touch()
    if before:
        earlier = before.stat().st_mtime - 1
        os.utime(manifest, (earlier, earlier))


def test_make_serve_collects_the_static_files_when_none_were_collected(manifest, installed):
    assert make_serve_collects(manifest, installed)


def test_make_serve_does_not_collect_them_again_when_nothing_changed_since(manifest, installed):
    collected(manifest)
    assert not make_serve_collects(manifest, installed)


def test_make_serve_collects_them_again_when_a_static_file_changed_since(manifest, installed):
    collected(manifest, before=settings.BASE_DIR / "static" / "css" / "site.css")
    assert make_serve_collects(manifest, installed)


def test_make_serve_collects_them_again_when_the_packages_were_installed_since(manifest, installed):
    collected(manifest, before=installed)
    assert make_serve_collects(manifest, installed)
