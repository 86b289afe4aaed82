"""Reading the site search and the member directory as a visitor does, and which
database a test is about."""

import re

import pytest
from django.db import connection

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="about PostgreSQL's full-text search"
)
on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="about the SQLite search index"
)


def result_titles(html):
    """The titles of the results, in order."""
    return [
        re.sub(r"<[^>]+>", "", title).strip()
        for title in re.findall(r'<li class="search-result[^"]*">.*?<h2>(.*?)</h2>', html, re.S)
    ]


def search(client, text, language="de", **params):
    return client.get(f"/{language}/search/", {"q": text, **params}).content.decode()


def directory_names(client, text, language="de"):
    html = client.get(f"/{language}/members/", {"q": text}).content.decode()
    return sorted(re.findall(r"<h2><a [^>]*><bdi>([^<]+)</bdi></a></h2>", html))
