"""Every interface string is translated in every language, and nothing is fuzzy."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import LANGUAGE_CODES

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def catalog(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as po_file:
        return read_po(po_file, locale=language)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_message_is_translated(language):
    missing = [
        message.id
        for message in catalog(language)
        if message.id
        and not all(message.string if isinstance(message.string, tuple) else [message.string])
    ]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_no_message_is_fuzzy(language):
    fuzzy = [message.id for message in catalog(language) if message.id and message.fuzzy]
    assert fuzzy == []


@pytest.mark.parametrize("language", [code for code in LANGUAGE_CODES if code != "en"])
def test_translations_are_not_copies_of_the_english_source(language):
    copied = [
        message.id
        for message in catalog(language)
        if isinstance(message.id, str) and len(message.id) > 12 and message.string == message.id
    ]
    assert copied == []


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_catalog_covers_the_same_messages_as_german(language):
    german = {message.id for message in catalog("de") if message.id}
    assert {message.id for message in catalog(language) if message.id} == german
