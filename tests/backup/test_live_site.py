"""Restoring into the site while it serves: its own transactions, and no stale cached page."""

import pytest

from news.models import Post
from tests.news.factories import make_post

from .site import backup, restore


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_each_run_in_a_transaction_of_their_own(tmp_path):
    post = make_post(title_de="Erste Fassung")
    archive = backup(tmp_path / "site.tar.gz")
    Post.objects.filter(pk=post.pk).update(title_de="Zweite Fassung")
    make_post(title_de="Dritte Meldung")
    restore(archive)
    assert list(Post.objects.values_list("title_de", flat=True)) == ["Erste Fassung"]


@pytest.mark.django_db
def test_a_page_cached_before_a_restore_is_never_served_after_it(client, settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 300
    archive = backup(tmp_path / "without-posts.tar.gz")
    post = make_post(title_de="Nach der Sicherung")
    client.get("/de/news/")
    Post.objects.filter(pk=post.pk).update(title_de="Ohne Signal geändert")
    assert "Nach der Sicherung" in client.get("/de/news/").content.decode()  # from the cache
    restore(archive)
    assert "Nach der Sicherung" not in client.get("/de/news/").content.decode()
