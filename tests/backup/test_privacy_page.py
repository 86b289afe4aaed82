"""The privacy page tells visitors, in their language, how long backups keep their data:
nightly archives for 14 days, monthly ones for six months (README, "Backup")."""

import pytest

from tests.languages import LANGUAGE_CODES

RETENTION = {
    "de": ("14 Tage", "sechs Monate"),
    "en": ("14 days", "six months"),
    "fr": ("14 jours", "six mois"),
    "es": ("14 días", "seis meses"),
    "ru": ("14 дней", "шесть месяцев"),
    "uk": ("14 днів", "шість місяців"),
    "ar": ("14 يومًا", "ستة أشهر"),
}


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_privacy_page_says_how_long_backups_are_kept(client, demo, language):
    html = client.get(f"/{language}/privacy/").content.decode()
    assert all(period in html for period in RETENTION[language])
