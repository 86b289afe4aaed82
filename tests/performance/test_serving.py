"""Serving as in production: hashed, compressed static files, media storage."""

import gzip
import os
import subprocess
import sys

import brotli
import pytest
from django.conf import settings
from django.core.management import call_command
from django.templatetags.static import static
from django.test import override_settings

pytestmark = pytest.mark.django_db

ONE_YEAR = 60 * 60 * 24 * 365
DECOMPRESS = {"gzip": gzip.decompress, "br": brotli.decompress}


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """``collectstatic`` with the production storage, into a folder of its own."""
    root = tmp_path_factory.mktemp("staticfiles")
    storage = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    with override_settings(STATIC_ROOT=root, STORAGES=settings.STORAGES | {"staticfiles": storage}):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield root


def max_age(response):
    return int(response["Cache-Control"].split("max-age=")[1].split(",")[0])


def test_hashed_static_files_are_cached_for_a_year(client, collected):
    url = static("css/site.css")
    assert url != "/static/css/site.css"
    response = client.get(url)
    response.close()  # only the headers are read: the file is not left open
    assert response.status_code == 200
    assert max_age(response) >= ONE_YEAR
    assert "immutable" in response["Cache-Control"]


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_static_files_are_served_compressed(client, collected, encoding):
    url = static("css/site.css")
    response = client.get(url, headers={"accept-encoding": encoding})
    assert response["Content-Encoding"] == encoding
    body = b"".join(response.streaming_content)
    original = (collected / url.removeprefix("/static/")).read_bytes()
    assert DECOMPRESS[encoding](body) == original


def setting_with(environment, expression):
    """``expression`` evaluated in a fresh process whose settings read ``environment``."""
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            f"from django.conf import settings; print({expression})",
        ],
        cwd=settings.BASE_DIR,
        env=os.environ | environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_media_can_live_in_s3_compatible_storage():
    environment = {
        "MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": "miso-media",
        "AWS_PRIVATE_BUCKET_NAME": "miso-documents",
    }
    storages = setting_with(
        environment,
        "[(s['BACKEND'], s['OPTIONS']['bucket_name']) for s in "
        "(settings.STORAGES['default'], settings.STORAGES['private'])]",
    )
    assert storages == (
        "[('storages.backends.s3.S3Storage', 'miso-media'), "
        "('storages.backends.s3.S3Storage', 'miso-documents')]"
    )
