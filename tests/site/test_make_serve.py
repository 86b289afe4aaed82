"""`make serve` collects the static files (compressing each with gzip and Brotli takes about a
minute) only when they changed since the last collection, not on every start. Asked with
``make --dry-run``, which says what it would run and runs nothing."""

import os
import subprocess

from django.conf import settings


def make_serve_collects(static_root):
    """Would `make serve` collect the static files into ``static_root``?"""
    result = subprocess.run(
        ["make", "--dry-run", "serve", f"STATIC_ROOT={static_root}"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return "collectstatic" in result.stdout


def test_make_serve_collects_the_static_files_when_none_were_collected(tmp_path):
    assert make_serve_collects(tmp_path)


def test_make_serve_does_not_collect_them_again_when_nothing_changed_since(tmp_path):
    (tmp_path / "staticfiles.json").touch()
    assert not make_serve_collects(tmp_path)


def test_make_serve_collects_them_again_when_a_static_file_changed_since(tmp_path):
    manifest = tmp_path / "staticfiles.json"
    manifest.touch()
    before = (settings.BASE_DIR / "static" / "css" / "site.css").stat().st_mtime - 1
    os.utime(manifest, (before, before))
    assert make_serve_collects(tmp_path)


def test_make_serve_collects_them_again_when_the_installed_packages_changed_since(tmp_path):
    manifest = tmp_path / "staticfiles.json"
    manifest.touch()
    before = (settings.BASE_DIR / ".venv" / ".installed").stat().st_mtime - 1
    os.utime(manifest, (before, before))
    assert make_serve_collects(tmp_path)
