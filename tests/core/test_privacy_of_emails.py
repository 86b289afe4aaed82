"""The privacy page tells visitors, in their language, how long the site keeps the emails it
sent: as long as the daily job that deletes them waits (SENT_EMAIL_KEEP_DAYS)."""

import pytest
from django.conf import settings

from tests.languages import LANGUAGE_CODES

KEPT = {
    "de": "noch 14 Tage",
    "en": "for 14 days afterwards",
    "fr": "puis 14 jours encore",
    "es": "y 14 días más",
    "ru": "ещё 14 дней",
    "uk": "ще 14 днів",
    "ar": "لمدة 14 يومًا بعد ذلك",
}


def test_the_days_the_privacy_page_names_are_the_sites_setting():
    assert settings.SENT_EMAIL_KEEP_DAYS == 14


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_privacy_page_says_how_long_sent_emails_are_kept(client, demo, language):
    html = client.get(f"/{language}/privacy/").content.decode()
    assert KEPT[language] in html
