"""Every public page's HTML, one file per page and language, to compare before and after a change.

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 python bench/html_snapshot.py /tmp/before
    ... change the code ...
    DATABASE_URL=sqlite:////tmp/demo.sqlite3 python bench/html_snapshot.py /tmp/after
    diff -r /tmp/before /tmp/after

The pages are every address the sitemap lists (each in every language), the feeds, and the
list pages with a page number, a search and a calendar month. Each is asked for by
Django's test client with the page cache off; the CSRF token, which differs on every
request, is replaced by a placeholder. Run it on a database with the demo content
(``manage.py load_demo``): the same database for both runs.
"""

import datetime
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "miso_site.settings")
os.environ["PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

CSRF_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+')
LOCATION = re.compile(r"<(?:loc|xhtml:link[^>]*href=)[>\"]?(https?://[^<\"]+)")


def local(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def addresses(client):
    """Every address the sitemap lists, and a few list pages with their parameters."""
    found = set()
    index = client.get("/sitemap.xml").content.decode()
    for section in LOCATION.findall(index):
        found.update(
            local(url) for url in LOCATION.findall(client.get(local(section)).content.decode())
        )
    today = datetime.date.today()
    extra = ["news/?page=2", "search/?q=Netzwerk", "news/feed/rss/", "events/feed.ics"]
    extra.append(f"events/calendar/{today.year}/{today.month}/")
    for code, _name in settings.LANGUAGES:
        found.update(f"/{code}/{page}" for page in extra)
    return sorted(found)


def file_name(address):
    return re.sub(r"[^\w.-]+", "_", address.strip("/")) or "root"


def main(folder):
    setup_test_environment()
    folder.mkdir(parents=True, exist_ok=True)
    client = Client()
    for address in addresses(client):
        response = client.get(address)
        body = CSRF_TOKEN.sub(r"\1-", response.content.decode())
        (folder / f"{file_name(address)}.html").write_text(f"{response.status_code}\n{body}")
    print(f"{len(list(folder.iterdir()))} pages in {folder}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
