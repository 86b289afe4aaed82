# Django's Arabic formats have no DATETIME_FORMAT and no SHORT_DATETIME_FORMAT, so the
# global English ones apply: "يوليو 1, 2026, 6 م" with Latin commas and the month first.
# These follow Django's Arabic DATE_FORMAT ("j F، Y") and SHORT_DATE_FORMAT, with the
# Arabic comma (U+060C) before the time and right-to-left marks (U+200F) around slashes.
DATETIME_FORMAT = "j F، Y، g:i A"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y g:i A"
