"""The privacy page says, in each language, what the accounts store and how long the account
log is kept (``ACCOUNT_LOG_DAYS``, a year)."""

import pytest

from tests.languages import LANGUAGE_CODES

SAYS = {
    "de": ("Mitgliederkonten", "12 Monate"),
    "en": ("Member accounts", "12 months"),
    "fr": ("Comptes des membres", "12 mois"),
    "es": ("Cuentas de miembros", "12 meses"),
    "ru": ("Учётные записи участников", "12 месяцев"),
    "uk": ("Облікові записи учасників", "12 місяців"),
    "ar": ("حسابات الأعضاء", "12 شهرًا"),
}


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_privacy_page_says_what_accounts_store_and_how_long(client, demo, language):
    html = client.get(f"/{language}/privacy/").content.decode()
    assert all(text in html for text in SAYS[language])
