"""Hostile input: script injection in many languages and scripts, and worse.

Each entry is text a visitor could type into a form or an address bar. The
site must store it unchanged where it is valid text, show it only escaped,
and never answer with a server error.
"""

SCRIPT_INJECTIONS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    '<a href="javascript:alert(1)">Klick</a>',
    "<iframe src=javascript:alert(1)></iframe>",
    "javascript:alert(1)",
    "Grüße <script>alert('Hannover')</script>",
    "Привет\"><script>alert('привіт')</script>",
    "مرحبا <script>alert('مرحبا')</script>",
    "\u202e<script>alert(1)</script>\u202c fdp.exe",
    "שלום <img src=x onerror=alert('שלום')>",
    "你好<svg/onload=alert(1)>",
    "Bonjour &lt;script&gt;alert(1)&lt;/script&gt; &#60;b&#62;",
    "{{ settings.SECRET_KEY }}{% debug %}",
    "${7*7}<%= 7*7 %>",
    "'; DROP TABLE pages_page; --",
    "😀 Ünïcödé\u200b\u2066متن\u2069 <b>fett</b>",
]

# Text that must be refused with an error, never stored or crash a page.
INVALID_TEXT = [
    "Nullbyte\x00<script>alert(1)</script>",
    "x" * 20_000,
]

# What must never appear unescaped in any answer.
RAW_MARKERS = [
    "<script>alert",
    "<img src=x",
    "<svg/onload",
    "<iframe src=javascript",
    '<a href="javascript:',
]

PATH_TRAVERSALS = [
    "..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e%2fmiso_site%2fsettings.py",
    "..%5c..%5cwindows%5cwin.ini",
    "....%2f%2f....%2f%2fetc%2fpasswd",
    "%c0%ae%c0%ae%2fetc%2fpasswd",
    "..%00.pdf",
    "%252e%252e%252fetc%252fpasswd",
]

# Files outside the site that a traversal would try to reach.
SECRET_CONTENT = ["root:x:0:0", "SECRET_KEY", "[fonts]", "DJANGO_SETTINGS_MODULE"]
