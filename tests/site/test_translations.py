"""Every interface string is translated in every language, and nothing is fuzzy."""

import re
from pathlib import Path

import allauth
import pytest
from babel.messages.pofile import read_po

from tests.languages import LANGUAGE_CODES

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def catalog(language, locale=LOCALE):
    with open(locale / language / "LC_MESSAGES" / "django.po", "rb") as po_file:
        return read_po(po_file, locale=language)


def ids(messages):
    return {message.id for message in messages if message.id}


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
    messages = catalog(language)
    fuzzy = [message.id for message in messages if message.id and message.fuzzy]
    assert fuzzy == []
    assert not messages.fuzzy, "the catalog's header is still marked fuzzy"


def words(message_id):
    """The message without its placeholders: what a translator has to translate."""
    return re.sub(r"%\(\w+\)[sd]", "", message_id).strip()


@pytest.mark.parametrize("language", [code for code in LANGUAGE_CODES if code != "en"])
def test_translations_are_not_copies_of_the_english_source(language):
    # Short words ("Logo", "Page %(number)s") may rightly be the same in both languages.
    copied = [
        message.id
        for message in catalog(language)
        if isinstance(message.id, str)
        and len(words(message.id)) > 12
        and message.string == message.id
    ]
    assert copied == []


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_catalog_covers_the_same_messages_as_german(language):
    # German alone overrides some of django-allauth's own messages: its German mixes "du"
    # and "Sie", the site says "Sie". Its other languages' catalogues are used as they are.
    allauth_german = ids(catalog("de", Path(allauth.__file__).parent / "locale"))
    german = ids(catalog("de")) - allauth_german
    assert ids(catalog(language)) - allauth_german == german
